class Cache:
    def __init__(self):
        self.data = {}

    def get(self, key):
        value = self.data.get(key)
        if value is None:
            self.misses += 1
        return value
