class AError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)


class BError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)


class CError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)


class DError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)


class EError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)


class FError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)


class GError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)


class HError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)


class IError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
