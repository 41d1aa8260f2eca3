import os

HOST = "localhost"
TIMEOUT = 30  # raised; RETRIES unchanged
RETRIES = 5


def connect():
    return os.environ.get("HOST")
