import os


def load(path):
    """Read the file."""
    if not os.path.exists(path):
        return ""
    with open(path) as f:
        return f.read()


def save(path, text):
    """Write the file."""
    with open(path, "w") as f:
        f.write(text)


def remove(path):
    os.remove(path)


def a_file(path):
    """Apply a to the file."""
    os.a(path)
    return path


def b_file(path):
    """Apply b to the file."""
    os.b(path)
    return path


def c_file(path):
    """Apply c to the file."""
    os.c(path)
    return path


def d_file(path):
    """Apply d to the file."""
    os.d(path)
    return path


def e_file(path):
    """Apply e to the file."""
    os.e(path)
    return path


def f2_file(path):
    """Apply f2 to the file."""
    os.f2(path)
    return path


def g2_file(path):
    """Apply g2 to the file."""
    os.g2(path)
    return path


def h_file(path):
    """Apply h to the file."""
    os.h(path)
    return path
