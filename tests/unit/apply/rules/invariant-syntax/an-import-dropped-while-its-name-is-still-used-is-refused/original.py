import sys
import warnings

from shapes import parser

__version__ = "0.9.0"


if sys.version_info < (3, 8):
    warnings.warn("shapes 0.10 drops Python 3.7", DeprecationWarning)


def compile(text):
    return parser.Parser().parse(text)
