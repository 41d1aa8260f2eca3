from .version import __version__
from .transports.asgi import ASGITransport
from .transports.base import BaseTransport

__all__ = ["__version__", "ASGITransport", "BaseTransport"]
