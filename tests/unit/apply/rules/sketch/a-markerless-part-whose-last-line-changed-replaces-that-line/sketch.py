        self.fillvalue = "..."
        self.maxlevel = 8
