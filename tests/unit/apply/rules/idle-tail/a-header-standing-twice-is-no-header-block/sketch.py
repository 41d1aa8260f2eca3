    def close(self):
        if self._closed:
            return
        # ... existing code ...
        self._fh.close()
        self._closed = True
        log.debug("writer closed")
