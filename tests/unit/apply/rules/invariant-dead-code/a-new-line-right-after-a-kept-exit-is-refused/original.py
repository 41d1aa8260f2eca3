def lookup(cache, key):
    entry = cache.get(key)
    if entry is None:
        return None
    if entry.expired:
        return entry.stale_value()
    return entry.value
