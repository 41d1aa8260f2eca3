"""File-backed reader and writer."""

import logging

log = logging.getLogger(__name__)


class Reader:
    def __init__(self, path):
        self._fh = open(path, "rb")
        self._closed = False

    def read(self, size=-1):
        return self._fh.read(size)

    def close(self):
        if self._closed:
            return
        self._fh.close()
        self._closed = True


class Writer:
    def __init__(self, path):
        self._fh = open(path, "wb")
        self._closed = False

    def close(self):
        if self._closed:
            return
        self._fh.flush()
        self._fh.close()
        self._closed = True

    def write(self, data):
        self._fh.write(data)
        return len(data)
