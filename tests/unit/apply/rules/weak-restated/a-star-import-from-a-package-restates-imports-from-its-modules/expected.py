from .version import __version__
from .transports import *
from .types import *

__all__ = ["__version__", "ASGITransport", "BaseTransport", "MockTransport", "SyncByteStream"]
