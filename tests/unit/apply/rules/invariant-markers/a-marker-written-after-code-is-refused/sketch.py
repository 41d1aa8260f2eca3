def one():
    pass  # ... existing code ...


def two():
    return 3
