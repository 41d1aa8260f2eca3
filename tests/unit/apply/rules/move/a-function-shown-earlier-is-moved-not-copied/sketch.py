def c():
    return 3


def a():
    return 1
# ... existing code ...
