# ... other code ...
if t.TYPE_CHECKING:  # pragma: no cover
    from ..wrappers import Request

    from ..sansio.app import App

# ... existing code ...
