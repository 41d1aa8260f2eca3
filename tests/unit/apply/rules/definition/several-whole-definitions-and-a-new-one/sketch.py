def helper():
    return 2


def helper_v2():
    return 3
