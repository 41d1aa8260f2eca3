def f():
    a = 1
    b = 2
    return a


def g():
    a = 1
    return a
