class Cache:
    # ... existing code ...

    def put(self, key: str, value) -> None:
        """Replace existing values."""
        stamp = time.monotonic()
        with self._lock:
            self._data[key] = (stamp, value)

    # ... existing code ...
