import json
import os


def load(path):
    with open(path) as f:
        return json.load(f)


def save(path, data):
    with open(path, "w") as f:
        json.dump(data, f)


def exists(path):
    return os.path.exists(path)


def remove(path):
    if exists(path):
        os.remove(path)


def main():
    data = load("in.json")
    save("out.json", data)
