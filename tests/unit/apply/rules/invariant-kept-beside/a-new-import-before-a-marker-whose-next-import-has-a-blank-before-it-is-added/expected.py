import os
import sys
import json

import re


def main():
    return re.match(sys.argv[1], os.getcwd())
