from shapes import parser

__version__ = "1.0.0"


# ... rest of the module unchanged ...
