class Pool:
    def handle(self, request):
        if not self.accepts(request.origin):
            raise RuntimeError(f"cannot send {request.origin} on {self.origin}")

        with self._lock:
            if self._connection is None:
                try:
                    stream = self._connect(request)
                    self._connection = Connection(stream, self.expiry)
                except Exception as exc:
                    self._failed = True
                    raise exc
            elif not self._connection.available():
                raise NotAvailable()

        return self._connection.handle(request)

    def close(self):
        if self._connection is not None:
            self._connection.close()
