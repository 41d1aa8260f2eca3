def compute_average(values):
    """doc"""
    return sum(values) / len(values)


def clamp(value, low, high):
    return max(low, min(high, value))
