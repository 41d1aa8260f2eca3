import os


def make_client(
        host, port, timeout=10):
    return (host, port, timeout)


def read_config(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        text = f.read()
    return text.splitlines()


def write_config(path, lines):
    with open(path, "w") as f:
        f.write("\n".join(lines))
