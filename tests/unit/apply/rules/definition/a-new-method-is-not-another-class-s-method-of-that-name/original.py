class LazyFile:
    def __init__(self, name):
        self.name = name
        self._f = None

    def open(self):
        if self._f is None:
            self._f = open(self.name)
        return self._f

    def close(self):
        if self._f is not None:
            self._f.close()

    def __enter__(self):
        return self


class FlushGuard:
    def __init__(self, wrapped):
        self.wrapped = wrapped

    def flush(self):
        try:
            self.wrapped.flush()
        except BrokenPipeError:
            pass
