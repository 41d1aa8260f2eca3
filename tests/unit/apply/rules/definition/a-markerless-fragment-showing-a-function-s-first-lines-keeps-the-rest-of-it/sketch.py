    def __init__(self):
        self.fillvalue = "..."
        self.maxlevel = 8
