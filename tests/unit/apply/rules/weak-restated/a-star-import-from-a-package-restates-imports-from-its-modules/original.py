from .version import __version__
from .transports.asgi import ASGITransport
from .transports.base import BaseTransport
from .transports.mock import MockTransport
from .types import SyncByteStream

__all__ = ["__version__", "ASGITransport", "BaseTransport", "MockTransport", "SyncByteStream"]
