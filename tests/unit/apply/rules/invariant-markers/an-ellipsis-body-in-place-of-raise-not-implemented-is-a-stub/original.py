from typing import Protocol


class Store(Protocol):
    def get(self, key: str) -> bytes:
        raise NotImplementedError

    def put(self, key: str, value: bytes) -> None:
        raise NotImplementedError


def helper() -> int:
    return 1
