import os


class Loader:
    def __init__(self, root):
        self.root = root

    def load(self, name):
        return os.path.join(self.root, name)

    def exists(self, name):
        return os.path.exists(self.load(name))


class Saver:
    pass
