def f():
    a = load()
    b = a + 1
    return b


def g():
    a = load()
    return b
