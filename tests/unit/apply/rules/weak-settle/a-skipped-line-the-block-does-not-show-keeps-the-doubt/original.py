import os
import re
import sys


def main():
    return os.getcwd(), re.escape(sys.argv[0])
