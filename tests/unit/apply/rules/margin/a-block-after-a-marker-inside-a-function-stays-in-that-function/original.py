def load(path):
    text = read(path)
    data = parse(text)
    return data


def dump(data, path):
    text = render(data)
    write(path, text)
    return data
