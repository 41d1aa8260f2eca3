import os

HOST = "localhost"
TIMEOUT = 10
RETRIES = 5


def connect():
    return os.environ.get("HOST")
