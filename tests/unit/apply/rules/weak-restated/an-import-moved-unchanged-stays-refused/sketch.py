# ... other code ...
if t.TYPE_CHECKING:  # pragma: no cover
    from ..wrappers import Response

    from ..sansio.app import App

# ... existing code ...
