def a():
    x = compute()
    return x + 1


def b():
    x = compute()
    return x * 2


def c():
    pass
