def f():
    a = load()
    b = a + 2
    return b


def g():
    a = load()
    return b
