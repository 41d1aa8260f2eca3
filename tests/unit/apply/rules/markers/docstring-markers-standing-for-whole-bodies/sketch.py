class Cache:
    """..."""

    def __init__(self, ttl: float = 60.0) -> None:
        """..."""

    def get(self, key: str) -> object | None:
        """..."""

    def set(self, key: str, value: object) -> None:
        """Store ``value`` under ``key``."""
        if not key:
            raise ValueError("empty key")
        self._data[key] = Entry(value, time.monotonic() + self.ttl)

    def clear(self) -> None:
        """..."""
