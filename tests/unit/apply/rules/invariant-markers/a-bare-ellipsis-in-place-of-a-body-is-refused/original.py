def one():
    x = 1
    return x


def two():
    return 2
