import os


class Paths:
    def __init__(self, app):
        self.app = app

    @property
    def data_dir(self):
        """The directory for the app's data.

        Taken from XDG_DATA_HOME when it is set.
        """
        base = os.environ.get("XDG_DATA_HOME", "")
        if not base.strip():
            base = os.path.expanduser("~/.local/share")
        return os.path.join(base, self.app)

    @property
    def cache_dir(self):
        return os.path.join(os.path.expanduser("~/.cache"), self.app)
