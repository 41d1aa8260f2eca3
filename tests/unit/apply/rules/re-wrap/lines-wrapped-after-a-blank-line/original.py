def check(self, message):
    if message.get("text") is None:
        raise RuntimeError("Malformed JSON data received.")

    assert (
        self.encoding is None
    ), f"Unsupported 'encoding' attribute {self.encoding}"
    return message["text"]
