import math


def clamp(value, low, high):
    """Return value limited to the range [low, high].

    Both bounds are inclusive. The bounds may be given in either
    order: clamp(5, 10, 0) is 5.
    """
    low, high = min(low, high), max(low, high)
    return max(low, min(value, high))


def scale(value, factor):
    return value * factor
