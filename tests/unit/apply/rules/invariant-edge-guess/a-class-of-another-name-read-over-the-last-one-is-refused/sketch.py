# ... existing code ...


class NotFoundError(AppError):
    pass
