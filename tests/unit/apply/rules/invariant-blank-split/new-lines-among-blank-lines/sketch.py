# ... existing code ...
        return os.path.join(self.root, name)

    def exists(self, name):
        return os.path.exists(self.load(name))

# ... existing code ...
