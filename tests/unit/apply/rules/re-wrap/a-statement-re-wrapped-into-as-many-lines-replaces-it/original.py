import contextvars
from types import FrameType

PREFIX = "app_"

_CALLING_STACK: contextvars.ContextVar[
    FrameType
] = contextvars.ContextVar("_CALLING_STACK")

# One context variable per key.
_VARS: dict[str, contextvars.ContextVar[object]] = {}
