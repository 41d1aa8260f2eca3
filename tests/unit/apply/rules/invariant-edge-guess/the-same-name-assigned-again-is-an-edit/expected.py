import platform
import sys

WINDOWS = sys.platform == "win32"
DEFAULT_THEME = "monokai"


def theme():
    return DEFAULT_THEME
