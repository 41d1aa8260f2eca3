def load(path):
    if not path:
        return None
    with open(path) as handle:
        text = handle.read()
    data = parse(text)
    check(data)
    return data


def parse(text):
    return text.split()
