class _PySimpleQueue:
    # ... existing code ...
    def qsize(self):
        """Return the approximate size of the queue."""
        return self._count
