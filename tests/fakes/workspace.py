"""A small workspace written to disk and scanned into an index with the test embedder."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from polyedit.config import Settings
from polyedit.index.service import IndexService

from tests.fakes.embedder import CountingEmbedder


@contextmanager
def scanned_index(tmp_path: Path, files: Mapping[str, str]) -> Iterator[IndexService]:
    root = tmp_path / "ws"
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    service = IndexService(root, Settings(cache_dir=str(tmp_path / "cache")), embedder=CountingEmbedder())
    service.scan()
    try:
        yield service
    finally:
        service.close()
