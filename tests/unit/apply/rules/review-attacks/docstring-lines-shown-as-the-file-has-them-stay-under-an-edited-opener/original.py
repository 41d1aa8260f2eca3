class Repo:
    def load(self, path):
        """Load the repo.

        Reads every object under path.
        """
        self.path = path
        return self


    def save(self):
        pass
