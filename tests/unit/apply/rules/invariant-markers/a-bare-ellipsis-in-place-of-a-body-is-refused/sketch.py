def one():
    ...


def two():
    return 3
