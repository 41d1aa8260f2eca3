import os

ENV = {
  "HOME": os.environ.get("HOME"),
  "USER": os.environ.get("USER"),
}


def setup(verbose):
    if not os.environ.get("DRY_RUN"):
        os.makedirs("build", exist_ok=True)
        os.makedirs("dist", exist_ok=True)


def teardown():
    pass
