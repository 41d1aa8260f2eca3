class Settings:
    name = "app"

    timeout = 30

    # Derived settings
    def total(self):
        return self.timeout * 2
