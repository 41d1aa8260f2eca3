import os


def load(path):
    with open(path) as f:
        return f.read()


def first(path):
    text = load(path)
    return text.splitlines()[0]


def last(path):
    text = load(path)
    return text.splitlines()[-1]


def size(path):
    return os.path.getsize(path)


def exists(path):
    return os.path.exists(path)


def name(path):
    return os.path.basename(path)
