import os


class Repo:
    def load(self, key):
        value = os.environ.get(key, '')
        return value

    def save(self, key, value):
        os.environ[key] = value


def main():
    print(Repo().load("HOME"))
