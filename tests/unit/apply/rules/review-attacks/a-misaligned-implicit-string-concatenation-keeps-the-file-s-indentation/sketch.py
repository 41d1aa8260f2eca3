# ... existing code ...

    def validate(self):
        value = self.data.get("retries")
        if not isinstance(value, int):
            raise ValueError("invalid configuration: "
                "retries must be an int, got %r" % (value,))
        if value < 0 or value > 10:
            raise ValueError("retries must be between 0 and 10")
        return value

# ... existing code ...
