# ... existing code ...
    def load(self, key):
        if key:
            value = os.environ.get(key)
            return value
        return None
# ... existing code ...
