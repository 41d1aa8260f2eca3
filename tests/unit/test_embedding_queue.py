"""The embedding queue under concurrency: the worker, on-demand requests, scans, re-chunked files, failures."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from polyedit.config import Settings
from polyedit.index.service import IndexService

from tests.fakes.embedder import CountingEmbedder

WORKER = "polyedit-embed"


class RecordingEmbedder(CountingEmbedder):
    """Slow like a real model; records which thread asked for which texts, and loads only when asked to."""

    def __init__(self, per_text_s: float = 0.02) -> None:
        super().__init__()
        self.per_text_s = per_text_s
        self.by_thread: list[tuple[str, list[str]]] = []
        self.is_loaded = False
        self.during_encode: list[object] = []  # callables run inside the next encode (to interleave work)

    @property
    def loaded(self) -> bool:
        return self.is_loaded

    def load(self) -> None:
        self.is_loaded = True

    def encode(self, texts: list[str]) -> np.ndarray:
        self.by_thread.append((threading.current_thread().name, list(texts)))
        while self.during_encode:
            self.during_encode.pop(0)()  # type: ignore[operator]
        time.sleep(self.per_text_s * len(texts))
        return super().encode(texts)


def many_files(root: Path, n: int = 40) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / f"mod{i}.py").write_text(f"def helper_{i}(value):\n    return value * {i}\n")
    (root / "target.py").write_text("def parse_version(text):\n    return tuple(text.split('.'))\n")
    return root


def open_service(root: Path, tmp_path: Path, embedder: CountingEmbedder) -> IndexService:
    return IndexService(root, Settings(cache_dir=str(tmp_path / "cache")), embedder=embedder)


def test_the_worker_steps_aside_for_an_on_demand_request(tmp_path: Path) -> None:
    embedder = RecordingEmbedder(per_text_s=0.03)
    service = open_service(many_files(tmp_path / "ws"), tmp_path, embedder)
    service.scan()
    service.start_embedding()
    while not any(name == WORKER for name, _ in embedder.by_thread):
        time.sleep(0.01)
    before = len(embedder.by_thread)
    wanted = [row.id for row in service.queue.pending_rows()][-30:]  # the end of the queue: 4 slices of mine
    assert service.embed_now(wanted) == 30
    during = [name for name, _ in embedder.by_thread[before:]]
    me = threading.current_thread().name
    first, last = during.index(me), len(during) - 1 - during[::-1].index(me)
    assert during[:first].count(WORKER) <= 1  # at most the slice that was already running
    assert WORKER not in during[first:last]  # and none between mine
    service.wait_idle(timeout_s=30)
    texts = [t for _, batch in embedder.by_thread for t in batch]
    assert len(texts) == len(set(texts)) == service.status().chunks  # nothing embedded twice
    service.close()


def test_no_embedding_while_a_scan_runs(tmp_path: Path) -> None:
    embedder = RecordingEmbedder()
    root = many_files(tmp_path / "ws")
    service = open_service(root, tmp_path, embedder)
    service.start_embedding()
    during: list[int] = []
    service.scan(lambda done, total: during.append(len(embedder.by_thread)))
    assert during[-1] == 0 and service.status().pending > 0  # chunks waited for the scan to end
    assert service.wait_idle(timeout_s=30) and embedder.by_thread
    service.close()


def test_a_file_rechunked_while_it_is_embedded_never_gets_the_old_vector(tmp_path: Path) -> None:
    embedder = RecordingEmbedder(per_text_s=0)
    root = many_files(tmp_path / "ws", n=0)
    service = open_service(root, tmp_path, embedder)
    service.scan()
    [old] = service.store.chunks()
    new_text = "def parse_version(text):\n    return [int(p) for p in text.split('.')]\n"
    embedder.during_encode.append(lambda: service.set_buffer("target.py", new_text))
    service.embed_now([old.id])
    [new] = service.store.chunks()
    assert new.id == old.id and new.hash != old.hash  # SQLite gave the new chunk the old one's id
    assert [row.id for row in service.queue.pending_rows()] == [new.id]  # still waiting for its own vector
    assert new.id not in service.dense
    service.embed_now([new.id])
    query = embedder.encode([new.embed_text])[0]
    assert service.dense.search(query, 1)[0] == (new.id, pytest.approx(1.0, abs=1e-5))
    service.close()


def test_a_scan_that_fails_leaves_the_index_usable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    service = open_service(many_files(tmp_path / "ws"), tmp_path, RecordingEmbedder(per_text_s=0))
    real = service.store.replace_file
    calls = iter(range(1000))

    def full_disk(*args: object) -> object:
        if next(calls) == 2:
            raise sqlite3.OperationalError("database or disk is full")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(service.store, "replace_file", full_disk)
    with pytest.raises(sqlite3.OperationalError):
        service.scan()
    assert service.status().state != "indexing"
    service.start_embedding()
    assert service.wait_idle(timeout_s=30) and service.status().state == "ready"  # the worker was not parked
    service.close()


def test_a_worker_that_cannot_write_its_vectors_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    service = open_service(many_files(tmp_path / "ws"), tmp_path, RecordingEmbedder(per_text_s=0))
    service.scan()

    def full_disk(*args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(service.cache, "put_many", full_disk)
    service.start_embedding()
    assert service.wait_idle(timeout_s=30)  # returns: it does not wait for a worker that has stopped
    status = service.status()
    assert status.state == "error" and status.message and "disk is full" in status.message
    assert service.search("parse version", mode="lexical")[0].path == "target.py"
    service.close()


def test_an_edit_search_on_a_warm_index_is_dense_from_the_first_query(tmp_path: Path) -> None:
    root = many_files(tmp_path / "ws")
    first = RecordingEmbedder(per_text_s=0)
    service = open_service(root, tmp_path, first)
    service.scan()
    service.embed_now([row.id for row in service.store.chunks()])
    service.embed_now([row.id for row in service.store.chunks()][16:])
    service.close()

    again = RecordingEmbedder(per_text_s=0)  # a new process: nothing to embed, the model not loaded yet
    service = open_service(root, tmp_path, again)
    service.scan()
    assert service.status().pending == 0 and not again.loaded
    service.search("split a version string into numbers", embed_missing=True)
    assert again.by_thread == [(threading.current_thread().name, ["split a version string into numbers"])]
    service.close()


def test_closing_during_an_on_demand_request_loses_nothing_and_raises_nothing(tmp_path: Path) -> None:
    embedder = RecordingEmbedder(per_text_s=0.05)
    service = open_service(many_files(tmp_path / "ws"), tmp_path, embedder)
    service.scan()
    ids = [row.id for row in service.store.chunks()]
    embedder.during_encode.append(lambda: threading.Thread(target=service.queue.close).start())
    started = time.monotonic()
    service.embed_now(ids)  # stops after the slice under way: the cache is not written after close
    assert time.monotonic() - started < 2
    service.close()


def test_an_on_demand_request_keeps_to_its_order_budget_and_time(tmp_path: Path) -> None:
    embedder = RecordingEmbedder(per_text_s=0.03)
    service = open_service(many_files(tmp_path / "ws"), tmp_path, embedder)
    service.scan()
    rows = service.queue.pending_rows()
    first, focus, fill = [rows[5].id], rows[9].path, [r.id for r in rows[20:40]]
    asked = service.queue.embed_now(first, [focus], fill, limit=12, seconds=0.1)
    assert asked == 12
    embedded = [text for _, texts in embedder.by_thread for text in texts]
    assert len(embedded) == 8  # one slice (0.24 s) took the time: the request stops after it
    assert embedded[:2] == [rows[5].embed_text, rows[9].embed_text]  # the candidates, the focus, then the fill
    left = service.queue.pending_rows()
    assert [r.id for r in left[:4]] == fill[6:10]  # what the request could not do is next for the worker
    assert not any(r.id in fill[10:] for r in left[:4])  # and no more than its budget was taken
    service.close()
