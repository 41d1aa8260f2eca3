def compute_average(values: list[float]) -> float:
    """Arithmetic mean of a list of numbers."""
    return sum(values) / len(values)


def clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))
