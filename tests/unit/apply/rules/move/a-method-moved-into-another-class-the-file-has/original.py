class Reader:
    def __init__(self, path):
        self.path = path

    def read(self):
        with open(self.path) as f:
            return f.read()

    def write(self, text):
        with open(self.path, "w") as f:
            f.write(text)


class Writer:
    def __init__(self, path):
        self.path = path
