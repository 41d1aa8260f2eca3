import re
import os
import sys


def main():
    return re.compile("x")
