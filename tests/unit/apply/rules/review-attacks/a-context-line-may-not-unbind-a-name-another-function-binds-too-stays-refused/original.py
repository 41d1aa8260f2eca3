def load(path):
    data = read(path)

    result = parse(data)
    log(result)
    return result


def dump(obj):
    result = serialize(obj)
    return result
