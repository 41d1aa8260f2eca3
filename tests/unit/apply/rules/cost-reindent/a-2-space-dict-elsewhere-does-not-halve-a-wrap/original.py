import os

ENV = {
  "HOME": os.environ.get("HOME"),
  "USER": os.environ.get("USER"),
}


def setup(verbose):
    os.makedirs("build", exist_ok=True)
    os.makedirs("dist", exist_ok=True)


def teardown():
    pass
