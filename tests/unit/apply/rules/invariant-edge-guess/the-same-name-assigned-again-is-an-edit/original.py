import platform
import sys

WINDOWS = platform.system() == "Windows"
DEFAULT_THEME = "monokai"


def theme():
    return DEFAULT_THEME
