def a():
    return 1


def b0():
    return 0


def b1():
    return 1


def b2():
    return 2


def b():
    return 2


def c():
    return 3
