import json
import os


def main():
    data = load("in.json")
    data["version"] = 2
    save("out.json", data)
# ... rest of the file unchanged ...
