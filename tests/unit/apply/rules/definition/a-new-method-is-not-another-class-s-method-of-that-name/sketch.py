class LazyFile:
    # ... existing code ...

    def close(self):
        if self._f is not None:
            self._f.close()

    def flush(self):
        if self._f is not None:
            self._f.flush()

    # ... existing code ...
