# ... existing code ...
    y = compute(
        x,
    )
    return y
