import os
import sys

import re


def main():
    return re.match(sys.argv[1], os.getcwd())
