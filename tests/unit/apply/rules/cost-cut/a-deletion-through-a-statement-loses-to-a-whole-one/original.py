def f(x):
    y = compute(
        x,
        1,
    )
    log(y)
    return y
