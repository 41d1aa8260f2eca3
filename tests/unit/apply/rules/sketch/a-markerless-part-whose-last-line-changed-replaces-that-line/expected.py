class Repr:
    def __init__(self):
        self.fillvalue = "..."
        self.maxlevel = 8
        self.maxtuple = 6
        self.maxlist = 6


def render(value):
    return Repr().repr(value)
