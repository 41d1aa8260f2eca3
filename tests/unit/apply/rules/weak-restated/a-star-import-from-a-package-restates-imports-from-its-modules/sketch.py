from .version import __version__
from .transports import *
from .types import *

# ... existing code ...
