class Repr:
    def __init__(self):
        self.fillvalue = "..."
        self.maxlevel = 8
        self.maxtuple = 6
        self.maxlist = 6
        self.maxdict = 4
        self.maxstring = 30

    def repr(self, x):
        return self.repr1(x, self.maxlevel)
