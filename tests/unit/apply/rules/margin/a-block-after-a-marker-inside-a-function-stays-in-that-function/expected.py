def load(path):
    text = read(path)
    data = parse(text)
    validate(data)
    return data


def dump(data, path):
    text = render(data)
    write(path, text)
    return data
