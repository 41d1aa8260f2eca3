"""JSON Lines reading and writing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator


class JsonLinesReader:
    """Iterates over the records of a ``.jsonl`` file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh = path.open(encoding="utf-8")

    def __iter__(self) -> Iterator[Any]:
        for line in self._fh:
            line = line.strip()
            if line:
                yield json.loads(line)

    def __enter__(self) -> JsonLinesReader:
        return self


class JsonLinesWriter:
    """Appends records to a ``.jsonl`` file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh = path.open("a", encoding="utf-8")

    def write(self, record: Any) -> None:
        self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self._fh.close()
