"""Command line entry point."""

import json
from app.core import run


def main(argv):
    cfg = json.loads(argv[1])
    return run(cfg)
