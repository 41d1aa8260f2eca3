def f(x):
    y = compute(
        x,
    )
    return y
