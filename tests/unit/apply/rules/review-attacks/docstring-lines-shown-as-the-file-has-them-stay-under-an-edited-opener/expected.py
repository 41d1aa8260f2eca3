class Repo:
    def load(self, path):
        """Load the repository from disk.

        Reads every object under path.
        """
        self.path = path
        self.loaded = True
        return self


    def save(self):
        pass
