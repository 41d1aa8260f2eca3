# ... existing code ...
    The protocol was violated by the server.
    """

    def __init__(self, message: str, *, request: Request | None = None) -> None:
        super().__init__(message)
# ... existing code ...
