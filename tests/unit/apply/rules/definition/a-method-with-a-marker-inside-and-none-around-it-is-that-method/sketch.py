    @property
    def data_dir(self):
        """..."""
        base = os.environ.get("XDG_DATA_HOME", "")
        if not base.strip():
            base = os.path.expanduser("~/.local/share")
        else:
            base = os.path.expanduser(base)
        return os.path.join(base, self.app)
