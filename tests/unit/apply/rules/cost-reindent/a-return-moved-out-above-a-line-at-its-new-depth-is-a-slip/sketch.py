class Cache:
    # ... existing code ...

    def get(self, key):
        if key in self.data:
            self.hits += 1
        return self.data[key]
        return None
    # ... existing code ...
