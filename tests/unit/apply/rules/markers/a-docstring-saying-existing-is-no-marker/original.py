"""A small in-memory cache with expiry."""

import time
from threading import Lock


class Cache:
    """Maps keys to values that expire after ``ttl`` seconds."""

    def __init__(self, ttl: float = 60.0):
        self.ttl = ttl
        self._data: dict[str, tuple[float, object]] = {}
        self._lock = Lock()

    def get(self, key: str, default=None):
        with self._lock:
            entry = self._data.get(key)
        if entry is None:
            return default
        stamp, value = entry
        if time.monotonic() - stamp > self.ttl:
            return default
        return value

    def put(self, key: str, value) -> None:
        with self._lock:
            self._data[key] = (time.monotonic(), value)

    def clear(self) -> None:
        with self._lock:
            self._data = {}

    def __len__(self) -> int:
        return len(self._data)
