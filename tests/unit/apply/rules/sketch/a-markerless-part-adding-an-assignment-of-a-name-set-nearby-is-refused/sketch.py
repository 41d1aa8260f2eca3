        self.maxlong = 40
        self.maxother = 30
        self.maxlevel = 8
