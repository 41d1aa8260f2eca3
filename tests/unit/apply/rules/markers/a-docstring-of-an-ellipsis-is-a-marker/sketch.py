def clamp(value, low, high):
    """..."""
    if math.isnan(value):
        raise ValueError("value is NaN")
    low, high = min(low, high), max(low, high)
    return max(low, min(value, high))
