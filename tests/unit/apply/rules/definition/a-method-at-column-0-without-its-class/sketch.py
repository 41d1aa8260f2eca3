def save(self, key, value):
    os.environ[key] = str(value)
