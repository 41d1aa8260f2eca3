"""A small in-memory cache with expiry."""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass
class Entry:
    value: object
    expires: float


class Cache:
    """Maps keys to values for a limited time."""

    def __init__(self, ttl: float = 60.0) -> None:
        self.ttl = ttl
        self._data: dict[str, Entry] = {}

    def get(self, key: str) -> object | None:
        """Return the value stored under ``key``, or None when it expired."""
        entry = self._data.get(key)
        if entry is None:
            return None
        if entry.expires < time.monotonic():
            del self._data[key]
            return None
        return entry.value

    def set(self, key: str, value: object) -> None:
        """Store ``value`` under ``key``."""
        self._data[key] = Entry(value, time.monotonic() + self.ttl)

    def clear(self) -> None:
        """Forget every entry."""
        self._data.clear()
