import functools


class Cache:
    """An LRU cache."""

    def __init__(self, size):
        self.size = size
        self.items = {}

    @functools.cache
    def get(self, key):
        return self.items.get(key)


def make_cache():
    return Cache(128)
