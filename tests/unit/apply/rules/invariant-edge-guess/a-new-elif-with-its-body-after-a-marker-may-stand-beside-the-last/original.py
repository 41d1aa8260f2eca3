def kind(x):
    if x < 0:
        return "neg"
    elif x == 0:
        return "zero"
    return "pos"


def other():
    pass
