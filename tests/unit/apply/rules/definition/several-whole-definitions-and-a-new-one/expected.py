import os


class Repo:
    def load(self, key):
        value = os.environ.get(key)
        return value

    def save(self, key, value):
        os.environ[key] = value


def helper():
    return 2


def helper_v2():
    return 3


def main():
    print(Repo().load("HOME"))
