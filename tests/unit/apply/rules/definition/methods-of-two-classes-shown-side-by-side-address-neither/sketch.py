# ... existing code ...

    def encode(self, payload: bytes) -> bytes:
        if len(payload) > self.limit:
            raise FrameTooLarge(len(payload), self.limit)
        return _HEADER.pack(len(payload)) + payload

    def feed(self, data: bytes) -> None:
        if not data:
            return
        self.buffer.extend(data)

    # ... existing code ...
