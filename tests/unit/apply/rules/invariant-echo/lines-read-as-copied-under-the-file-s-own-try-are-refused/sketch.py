            # ... rest of the method unchanged ...

        try:
            with self._lock:
                if self._connection is None:
                    stream = self._connect(request)
                    # ... existing code ...
        except BaseException as exc:
            self._failed = True
            raise exc

        return self._connection.handle(request)
# ... existing code ...
