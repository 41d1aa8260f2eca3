def compute_average(values):
    """doc"""


    return max(low, min(high, value))
