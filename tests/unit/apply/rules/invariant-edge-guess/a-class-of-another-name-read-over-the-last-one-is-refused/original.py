class AppError(Exception):
    """Base error."""


class ValidationError(AppError):
    pass
