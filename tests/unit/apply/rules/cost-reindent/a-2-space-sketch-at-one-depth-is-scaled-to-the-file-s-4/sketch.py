class Cache:
  # ... existing code ...

  def get(self, key):
    value = self.data.get(key)
    if value is None:
      self.misses += 1
    return value
