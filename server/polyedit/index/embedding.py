"""Chunks waiting for their vectors: the background worker that embeds them, and on-demand embedding ahead of it.

Threads: the worker (one daemon thread) and any caller of ``embed_now`` (an edit's first search, from a worker
thread of the server or the CLI's main thread). One condition guards the queue. The model sees one slice of
``ENCODE_SLICE`` texts at a time, and the worker waits between slices while an on-demand request runs, so an edit
waits for at most one slice of background work.

A vector joins the dense index only if its row (same id, same hash) is still pending when the vector is ready: a
chunk removed or re-chunked meanwhile never gets a stale vector (SQLite reuses chunk ids), and removing a chunk
takes it out of the queue and the dense index in one step.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Collection, Sequence

import numpy as np

from polyedit.index.dense import DenseIndex
from polyedit.index.embedder import Embedder
from polyedit.index.store import ChunkRow, EmbeddingCache, Vector

log = logging.getLogger(__name__)

ENCODE_SLICE = 8  # texts per model call: how long an on-demand request may wait for background work
ON_DEMAND_CHUNKS = 64  # a search that may not wait embeds up to this many of its best lexical candidates first
# ... and up to this many chunks in all: the lexical candidates, the focus files, then the static tier's best. At 384
# the first edit's recall@10 on the change set was 0.76, at 512 0.80 against 0.81 fully embedded (bench/retrieval.py
# first_edit). That is about 4 s of embedding on this 2-core machine when it is quiet; a busy or slower machine
# stops after FIRST_SEARCH_SECONDS, so the first plan request stays within seconds (bench/first_edit.py).
FIRST_SEARCH_CHUNKS = 512
FIRST_SEARCH_SECONDS = 4.0

ProgressFn = Callable[[int, int], None]


class EmbeddingQueue:
    def __init__(
        self,
        embedder: Embedder,
        cache: EmbeddingCache,
        dense: DenseIndex,
        batch_size: int,
        on_change: Callable[[], None],
    ) -> None:
        self.embedder, self.cache, self.dense = embedder, cache, dense
        self.batch_size = batch_size
        self.embedded_now = 0  # chunks the model embedded in this process (0 on a warm restart)
        self.error: str | None = None
        self.cond = threading.Condition()
        self._on_change = on_change
        self._pending: dict[int, ChunkRow] = {}
        self._encoding = threading.Lock()
        self._urgent = 0  # on-demand requests under way
        self._paused = False  # a scan is running: on 2 cores it goes first
        self._closed = False
        self._worker: threading.Thread | None = None

    # --- the queue ------------------------------------------------------------------------------------------

    def __len__(self) -> int:
        with self.cond:
            return len(self._pending)

    def pending_rows(self) -> list[ChunkRow]:
        with self.cond:
            return list(self._pending.values())

    def pending_among(self, chunk_ids: Collection[int]) -> set[int]:
        with self.cond:
            return {i for i in chunk_ids if i in self._pending}

    def add(self, rows: list[ChunkRow]) -> None:
        """Cached vectors join the dense index at once; the rest wait for the model."""
        if not rows:
            return
        cached = self.cache.get_many(self.embedder.name, (r.hash for r in rows))
        with self.cond:
            if self._closed:
                return
            hits = [r for r in rows if r.hash in cached]
            if hits:
                self.dense.add([r.id for r in hits], np.stack([cached[r.hash] for r in hits]))
            for row in rows:
                if row.hash not in cached:
                    self._pending[row.id] = row
            self.cond.notify_all()

    def forget(self, chunk_ids: list[int]) -> None:
        with self.cond:
            for chunk_id in chunk_ids:
                self._pending.pop(chunk_id, None)
            self.dense.remove(chunk_ids)

    def pause(self, paused: bool) -> None:
        with self.cond:
            self._paused = paused
            self.cond.notify_all()

    def _current(self, row: ChunkRow) -> bool:
        pending = self._pending.get(row.id)
        return pending is not None and pending.hash == row.hash

    # --- the model ------------------------------------------------------------------------------------------

    def load(self) -> None:
        load = getattr(self.embedder, "load", None)
        if callable(load):
            load()

    def embed(self, rows: list[ChunkRow], urgent: bool = False, deadline: float | None = None) -> None:
        """Vectors for ``rows``: from the cache, else from the model a slice at a time, until ``deadline`` (a
        ``time.monotonic()`` value) if given; each joins the dense index if its row is still pending as it was."""
        vectors = self.cache.get_many(self.embedder.name, {r.hash for r in rows})
        self._attach(rows, vectors)
        todo = [r for r in rows if r.hash not in vectors]
        for start in range(0, len(todo), ENCODE_SLICE):
            if deadline is not None and time.monotonic() > deadline:
                return
            part = todo[start : start + ENCODE_SLICE]
            with self.cond:
                while not urgent and self._urgent and not self._closed:
                    self.cond.wait(timeout=1.0)
            with self._encoding:  # what is still pending is decided once the model is ours: nothing twice
                with self.cond:
                    if self._closed:
                        return
                    texts = {r.hash: r.embed_text for r in part if r.hash not in vectors and self._current(r)}
                if not texts:
                    continue
                encoded = self.embedder.encode(list(texts.values()))
            fresh = dict(zip(texts, encoded, strict=True))
            vectors.update(fresh)
            with self.cond:
                if self._closed:  # the cache is being closed: this work is lost, nothing is damaged
                    return
                self.cache.put_many(self.embedder.name, fresh)
                self.embedded_now += len(fresh)
            self._attach(part, vectors)
            self._on_change()

    def _attach(self, rows: list[ChunkRow], vectors: dict[str, Vector]) -> None:
        with self.cond:
            live = [r for r in rows if r.hash in vectors and self._current(r)]
            for row in live:
                del self._pending[row.id]
            if live:
                self.dense.add([r.id for r in live], np.stack([vectors[r.hash] for r in live]))
            self.cond.notify_all()

    def embed_now(
        self,
        chunk_ids: Sequence[int],
        paths: Collection[str] = (),
        fill: Sequence[int] = (),
        limit: int = FIRST_SEARCH_CHUNKS,
        seconds: float | None = None,
    ) -> int:
        """Embed, ahead of the worker, those still pending of: ``chunk_ids``, the chunks of ``paths``, then ``fill``,
        in that order, at most ``limit``, for at most ``seconds`` from its start (wall-clock: waiting for the model
        counts; what is left goes to the front of the queue, for the worker). Returns how many were asked for.
        Blocking: loads the model if needed."""
        with self.cond:
            wanted = {i: self._pending[i] for i in chunk_ids if i in self._pending}
            wanted |= {i: row for i, row in self._pending.items() if row.path in paths}
            for i in fill:
                if len(wanted) >= limit:
                    break
                if i in self._pending:
                    wanted[i] = self._pending[i]
            rows = list(wanted.values())[:limit]
            if not rows:
                return 0
            self._pending = {row.id: row for row in rows} | self._pending
            self._urgent += 1
        try:
            self.load()
            self.embed(rows, urgent=True, deadline=None if seconds is None else time.monotonic() + seconds)
        finally:
            with self.cond:
                self._urgent -= 1
                self.cond.notify_all()
        return len(rows)

    # --- the worker -----------------------------------------------------------------------------------------

    def start(self) -> None:
        """The worker loads the model (for query embedding too), then embeds pending chunks while no scan runs."""
        if self._worker is None:
            self._worker = threading.Thread(target=self._loop, name="polyedit-embed", daemon=True)
            self._worker.start()

    def _loop(self) -> None:
        try:
            self.load()
            while True:
                with self.cond:
                    while (not self._pending or self._paused) and not self._closed:
                        self.cond.wait()
                    if self._closed:
                        return
                    batch = list(self._pending.values())[: self.batch_size]
                self.embed(batch)
        except Exception as exc:  # a model that cannot load, a full disk: reported, lexical search goes on
            log.warning("embedding stopped: %s", exc)
            with self.cond:
                self.error = str(exc)
                self.cond.notify_all()
            self._on_change()

    def wait_idle(self, timeout_s: float | None = None, progress: ProgressFn | None = None) -> bool:
        """Block until nothing is pending (or embedding stopped with an error). Returns False on timeout."""
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        with self.cond:
            total = len(self._pending) + len(self.dense)
            while self._pending and self.error is None and not self._closed:
                if progress:
                    progress(total - len(self._pending), total)
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self.cond.wait(timeout=min(remaining, 1.0) if remaining is not None else 1.0)
            if progress:
                progress(total - len(self._pending), total)
        return True

    def close(self) -> None:
        with self.cond:
            self._closed = True
            self.cond.notify_all()
        if self._worker is not None:
            self._worker.join(timeout=10)
