# ... existing code ...

    assert self.encoding is None, f"Unsupported 'encoding' attribute {self.encoding}"
    return message["text"]
