import os
import sys


def clear():
    """Clear the terminal screen."""
    if not sys.stdout.isatty():
        return

    # clear the screen and move the cursor home
    echo("\033[2J\033[1;1H", nl=False)


def bell():
    sys.stdout.write("\a")
