from .version import __version__
from .helpers import *

# ... existing code ...
