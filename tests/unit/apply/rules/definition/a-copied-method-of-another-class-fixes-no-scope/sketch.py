    # ... existing code ...

    def __iter__(self) -> Iterator[Any]:
        for number, line in enumerate(self._fh, 1):
            line = line.strip()
            if line:
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{self.path}:{number}: {exc}") from None

    def __enter__(self) -> JsonLinesReader:
        if self._fh.closed:
            raise ValueError("reader is closed")
        return self

    def close(self) -> None:
        self._fh.close()


# ... existing code ...
