from pathlib import Path
import os
import sys


def home():
    return Path(os.path.expanduser('~'))
