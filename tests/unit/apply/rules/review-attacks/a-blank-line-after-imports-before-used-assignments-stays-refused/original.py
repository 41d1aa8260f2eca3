import os
import sys
DEBUG = os.environ.get("DEBUG") == "1"
LEVEL = "info"

def main():
    print(DEBUG, LEVEL, sys.argv)
