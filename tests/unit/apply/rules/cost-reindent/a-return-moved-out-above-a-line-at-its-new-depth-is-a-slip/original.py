class Cache:
    def __init__(self):
        self.data = {}
        self.hits = 0

    def get(self, key):
        if key in self.data:
            self.hits += 1
            return self.data[key]
        return None

    def clear(self):
        self.data.clear()
