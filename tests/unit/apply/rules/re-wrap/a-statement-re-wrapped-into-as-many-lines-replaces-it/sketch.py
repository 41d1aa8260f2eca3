# ... existing code ...

_CALLING_STACK: contextvars.ContextVar[FrameType] = (
    contextvars.ContextVar("_CALLING_STACK")
)

# ... existing code ...
