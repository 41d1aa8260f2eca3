import os
import sys
from pathlib import Path


def home():
    return Path(os.path.expanduser('~'))
