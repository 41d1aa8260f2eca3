import typing


class HttpError(Exception):
    """An error of the http layer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class RequestError(Exception):
    """An error of the request layer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class TransportError(Exception):
    """An error of the transport layer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class TimeoutError(Exception):
    """An error of the timeout layer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class ConnectError(Exception):
    """An error of the connect layer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class ReadError(Exception):
    """An error of the read layer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class WriteError(Exception):
    """An error of the write layer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class PoolError(Exception):
    """An error of the pool layer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class NetworkError(Exception):
    """An error of the network layer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class ProtocolError(Exception):
    """
    The protocol was violated by the server.
    """

    def __init__(
        self, message: str, *, request: typing.Optional["Request"] = None
    ) -> None:
        super().__init__(message)
        self.request = request
