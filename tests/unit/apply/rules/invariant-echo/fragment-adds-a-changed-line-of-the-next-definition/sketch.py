def compute_average(values):
    """doc"""
    return sum(values) / len(values)


    return max(low, min(high, value))  # changed
