from typing import Protocol


class Store(Protocol):
    def get(self, key: str) -> bytes:
        ...

    def put(self, key: str, value: bytes) -> None:
        ...


def helper() -> int:
    return 1
