def first(xs):
    result = []
    for x in xs:
        result.append(x)
    return result


def second(xs):
    result = []
    for x in xs:
        result.append(x * 2)
    return result
