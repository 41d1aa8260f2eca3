class Cache:
    # ... existing code ...

    def set(self, key: str, value: object) -> None:
        """Docstring unchanged."""
        if not key:
            raise ValueError("empty key")
        self._data[key] = Entry(value, time.monotonic() + self.ttl)

    # ... existing code ...
