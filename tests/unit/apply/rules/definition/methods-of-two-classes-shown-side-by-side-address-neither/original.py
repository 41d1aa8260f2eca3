"""Length-prefixed frames over a byte stream."""

import struct

_HEADER = struct.Struct(">I")


class Encoder:
    def __init__(self, limit: int = 1 << 20):
        self.limit = limit

    def encode(self, payload: bytes) -> bytes:
        if len(payload) > self.limit:
            raise ValueError("frame too large")
        return _HEADER.pack(len(payload)) + payload


class Decoder:
    def __init__(self):
        self.buffer = bytearray()

    def feed(self, data: bytes) -> None:
        self.buffer.extend(data)

    def frames(self):
        while len(self.buffer) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self.buffer)
            if len(self.buffer) < _HEADER.size + size:
                return
            start = _HEADER.size
            yield bytes(self.buffer[start : start + size])
            del self.buffer[: start + size]
