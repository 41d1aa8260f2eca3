class Cache:
    """An LRU cache."""

    # ... existing code ...

    @functools.cache
    def get(self, key):
        return self.items.get(key)

    def clear(self):
        self.items.clear()


# ... existing code ...
