import os
import sys


def clear():
    """Clear the terminal screen."""
    if not sys.stdout.isatty():
        return
    if os.name == "nt":
        os.system("cls")
    else:
        sys.stdout.write("\033[2J\033[1;1H")


def bell():
    sys.stdout.write("\a")
