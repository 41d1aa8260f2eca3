<<<<<<< SEARCH
        result.append(x * 2)
    return result
=======
        result.append(x * 2)
    return result


def second_v2(xs):
    result = []
    for x in xs:
        result.append(x)
    return result
>>>>>>> REPLACE

<<<<<<< SEARCH
    for x in xs:
        result.append(x)
=======
    for x in xs:
        if x is not None:
            result.append(x)
>>>>>>> REPLACE
