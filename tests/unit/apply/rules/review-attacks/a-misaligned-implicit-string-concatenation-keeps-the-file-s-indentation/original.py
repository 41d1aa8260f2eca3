class Config:
    def __init__(self, data):
        self.data = data

    def validate(self):
        value = self.data.get("retries")
        if not isinstance(value, int):
            raise ValueError("invalid configuration: "
                             "retries must be an int, got %r" % (value,))
        if value < 0:
            raise ValueError("retries must be >= 0")
        return value

    def dump(self):
        return dict(self.data)
