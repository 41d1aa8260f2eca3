"""Tool [options] paths.

Check the paths.

tool --help
"""
import sys


def main():
    return sys.argv
