"""The live workspace index: keeps the store, the dense index and open buffers in step, and embeds in a thread.

Blocking by design (SQLite, tree-sitter, the model): the LSP layer calls it from worker threads, never on its
event loop. Chunks are searchable lexically as soon as they are stored; dense search covers them once embedded.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Collection
from pathlib import Path

import numpy as np

from polyedit.config import Settings
from polyedit.index.chunker import Chunker
from polyedit.index.dense import DenseIndex
from polyedit.index.embedder import Embedder, make_embedder
from polyedit.index.files import Skipped, Workspace
from polyedit.index.search import CANDIDATES, Mode, SearchResult, rank, select
from polyedit.index.secrets import mask
from polyedit.index.status import IndexStatus, ScanSummary
from polyedit.index.store import ChunkRow, EmbeddingCache, FileState, IndexStore, Vector, workspace_db_path
from polyedit.index.tokens import query_terms

log = logging.getLogger(__name__)

RECENT_EDIT_S = 600.0
ENCODE_SLICE = 8  # texts per model call: how long an on-demand request may wait for background work
ON_DEMAND_CHUNKS = 64  # a search that may not wait embeds up to this many of its best lexical candidates first
STATUS_THROTTLE_S = 1.0


ProgressFn = Callable[[int, int], None]


class IndexService:
    def __init__(
        self,
        root: Path,
        settings: Settings,
        embedder: Embedder | None = None,
        on_status: Callable[[IndexStatus], None] | None = None,
    ) -> None:
        self.settings = settings
        self.workspace = Workspace(root, settings.max_file_size_bytes)
        cache_dir = settings.cache_path()
        self.store = IndexStore(workspace_db_path(cache_dir, self.workspace.root))
        self.cache = EmbeddingCache(cache_dir / "embeddings.sqlite")
        self.embedder: Embedder = embedder or make_embedder(settings)
        self.chunker = Chunker(settings.chunk_max_tokens)
        self.dense = DenseIndex()
        self.notices = [n for n in (self.store.recovered, self.cache.recovered) if n]
        self.embedded_now = 0  # chunks the model embedded in this process (0 on a warm restart)
        self._on_status = on_status
        self._buffers: dict[str, str] = {}
        self._recent: dict[str, float] = {}
        self._pending: dict[int, ChunkRow] = {}
        self._cond = threading.Condition()
        self._encoding = threading.Lock()  # one slice of texts through the model at a time
        self._urgent = 0  # on-demand embeddings under way: the background worker steps aside between slices
        self._write = threading.RLock()  # one file update at a time: a scan and a buffer must not interleave
        self._state = "starting"
        self._error: str | None = None
        self._scanning = False
        self._scan_progress = (0, 0)  # (files looked at, files to look at) while a scan runs
        self._last_emit = 0.0
        self._closed = False
        self._worker: threading.Thread | None = None
        self._attach_vectors(self.store.chunks())

    # --- status ---------------------------------------------------------------------------------------------

    def status(self) -> IndexStatus:
        files, chunks = self.store.counts()
        with self._cond:
            pending = len(self._pending)
            scanned, total = self._scan_progress
            return IndexStatus(
                self._state, files, chunks, len(self.dense), pending, self.embedded_now, self._error, scanned, total
            )

    def _update_state(self, force: bool = False) -> None:
        with self._cond:
            if self._error is not None:
                state = "error"
            elif self._scanning:
                state = "indexing"
            else:
                state = "embedding" if self._pending else "ready"
            changed = state != self._state
            self._state = state
            self._cond.notify_all()
        now = time.monotonic()
        if self._on_status and (changed or force or now - self._last_emit >= STATUS_THROTTLE_S):
            self._last_emit = now
            self._on_status(self.status())

    # --- indexing -------------------------------------------------------------------------------------------

    def scan(self, progress: ProgressFn | None = None) -> ScanSummary:
        """Bring the index in line with the disk (open buffers win). Unchanged files are not re-read."""
        started = time.monotonic()
        self._scanning = True
        self._update_state()
        entries = list(self.workspace.walk())
        paths = [e for e in entries if isinstance(e, str)]
        skipped = [e for e in entries if isinstance(e, Skipped)]
        known = self.store.file_states()
        indexed = 0
        self._scan_progress = (0, len(paths))
        for done, rel in enumerate(paths, start=1):
            with self._write:
                if rel not in self._buffers and self._index_disk_file(rel, known.get(rel)):
                    indexed += 1
            self._scan_progress = (done, len(paths))
            if progress:
                progress(done, len(paths))
            if done % 50 == 0:
                self._update_state()
        present = set(paths) | set(self._buffers)
        removed = [p for p in known if p not in present]
        with self._write:
            for rel in removed:
                if rel not in self._buffers:
                    self._forget(self.store.remove_file(rel))
        self._scanning = False
        self._scan_progress = (0, 0)
        self._update_state(force=True)
        files, chunks = self.store.counts()
        return ScanSummary(files, indexed, len(removed), skipped, chunks, time.monotonic() - started)

    def _index_disk_file(self, rel: str, known: FileState | None = None) -> bool:
        """(Re)chunk a file from disk when its size or mtime changed. Returns True when it was re-chunked."""
        try:
            stat = (self.workspace.root / rel).stat()
        except OSError:
            self._forget(self.store.remove_file(rel))
            return False
        if (
            known is not None
            and known.origin == "disk"
            and (known.mtime_ns, known.size_bytes)
            == (
                stat.st_mtime_ns,
                stat.st_size,
            )
        ):
            return False
        try:
            text, valid = self.workspace.read_text(rel)
        except OSError as exc:
            log.warning("cannot read %s: %s", rel, exc)
            self._forget(self.store.remove_file(rel))
            return False
        if not valid:
            log.info("%s is not valid UTF-8; indexed with replacement characters", rel)
        self._store_text(rel, text, stat.st_mtime_ns, stat.st_size, "disk")
        return True

    def _store_text(self, rel: str, text: str, mtime_ns: int, size: int, origin: str) -> None:
        # The index holds masked text only: search answers, context for the planner and embeddings never carry a
        # secret (index/secrets.py).
        chunks = self.chunker.chunk(rel, mask(rel, text).text)
        removed, added = self.store.replace_file(rel, mtime_ns, size, origin, chunks)
        self._forget(removed)
        self._attach_vectors(added)

    def _attach_vectors(self, rows: list[ChunkRow]) -> None:
        """Add cached vectors to the dense index at once; queue the rest for the embedding worker."""
        if not rows:
            return
        cached = self.cache.get_many(self.embedder.name, (r.hash for r in rows))
        hits = [r for r in rows if r.hash in cached]
        if hits:
            self.dense.add([r.id for r in hits], np.stack([cached[r.hash] for r in hits]))
        with self._cond:
            for row in rows:
                if row.hash not in cached:
                    self._pending[row.id] = row
            self._cond.notify_all()

    def _forget(self, chunk_ids: list[int]) -> None:
        self.dense.remove(chunk_ids)
        with self._cond:
            for chunk_id in chunk_ids:
                self._pending.pop(chunk_id, None)

    # --- live updates ---------------------------------------------------------------------------------------

    def may_index(self, rel: str) -> bool:
        return self.workspace.exclusion_reason(rel) is None

    def set_buffer(self, rel: str, text: str) -> None:
        """An open document's text replaces the disk's in the index (also for files not yet saved)."""
        if not self.may_index(rel):
            return
        with self._write:
            self._buffers[rel] = text
            self._recent[rel] = time.monotonic()
            self._store_text(rel, text, 0, len(text), "buffer")
        self._update_state()

    def close_buffer(self, rel: str) -> None:
        """The document closed: the disk's version (or nothing, if it was never saved) is what counts again."""
        with self._write:
            if self._buffers.pop(rel, None) is None:
                return
            self.refresh_from_disk(rel)

    def refresh_from_disk(self, rel: str) -> None:
        """A file changed, appeared or vanished on disk (watched-files event, save)."""
        with self._write:
            if rel in self._buffers:
                return
            full = self.workspace.root / rel
            if full.is_file() and self.may_index(rel) and self.workspace.file_problem(rel) is None:
                self._index_disk_file(rel)
            else:
                self._forget(self.store.remove_file(rel))
        self._update_state()

    @property
    def open_paths(self) -> set[str]:
        return set(self._buffers)

    def current_text(self, rel: str) -> str | None:
        """The file as the user sees it: the open editor buffer's text, else the disk's (None if neither)."""
        buffered = self._buffers.get(rel)
        if buffered is not None:
            return buffered
        path = self.workspace.root / rel
        # Decoded as Workspace.read_text does, line endings untouched: what the edit is computed on is what the
        # editor and the writer see (pipeline/writes.py compares it with the bytes on disk before writing).
        return self.workspace.read_text(rel)[0] if path.is_file() else None

    # --- embedding ------------------------------------------------------------------------------------------

    def start_embedding(self) -> None:
        """Start the background worker: it loads the model (for query embedding too), then embeds pending chunks
        whenever no scan is running."""
        if self._worker is None:
            self._worker = threading.Thread(target=self._embed_loop, name="polyedit-embed", daemon=True)
            self._worker.start()

    def _embed_loop(self) -> None:
        try:
            self._load_embedder()
        except Exception as exc:  # the model is optional for lexical search: report and keep serving
            with self._cond:
                self._error = str(exc)
            self._update_state(force=True)
            return
        while True:
            with self._cond:
                while (not self._pending or self._scanning) and not self._closed:  # the scan first: 2 cores
                    self._cond.wait()
                if self._closed:
                    return
                batch = list(self._pending.values())[: self.settings.embed_batch_size]
            self.embed_batch(batch)

    def _load_embedder(self) -> None:
        load = getattr(self.embedder, "load", None)
        if callable(load):
            load()

    def _encode(self, texts: dict[str, str], urgent: bool) -> dict[str, Vector]:
        """Vectors by hash, a few texts at a time; background work waits while an on-demand request runs."""
        hashes, vectors = list(texts), list[Vector]()
        for start in range(0, len(hashes), ENCODE_SLICE):
            with self._cond:
                while not urgent and self._urgent and not self._closed:
                    self._cond.wait(timeout=1.0)
            with self._encoding:
                vectors.extend(self.embedder.encode([texts[h] for h in hashes[start : start + ENCODE_SLICE]]))
        return dict(zip(hashes, vectors, strict=True))

    def embed_batch(self, batch: list[ChunkRow], urgent: bool = False) -> None:
        texts = {row.hash: row.embed_text for row in batch}
        vectors = self.cache.get_many(self.embedder.name, texts)
        missing = [h for h in texts if h not in vectors]
        if missing:
            fresh = self._encode({h: texts[h] for h in missing}, urgent)
            self.cache.put_many(self.embedder.name, fresh)
            vectors.update(fresh)
            self.embedded_now += len(missing)
        with self._cond:
            live = [row for row in batch if self._pending.pop(row.id, None) is not None]
            # Added under the lock: a chunk removed meanwhile must not come back into the dense index.
            if live:
                self.dense.add([r.id for r in live], np.stack([vectors[r.hash] for r in live]))
        self._update_state()

    def embed_now(self, chunk_ids: Collection[int], paths: Collection[str] = ()) -> int:
        """Embed these chunks and those of ``paths`` now, if still pending, ahead of the background queue (at most
        ``2 * ON_DEMAND_CHUNKS``). Returns how many were embedded. Blocking: loads the model if needed."""
        with self._cond:
            wanted = {i: self._pending[i] for i in chunk_ids if i in self._pending}
            wanted |= {i: row for i, row in self._pending.items() if row.path in paths}
        rows = list(wanted.values())[: 2 * ON_DEMAND_CHUNKS]
        if not rows:
            return 0
        with self._cond:
            self._urgent += 1
        try:
            self._load_embedder()
            self.embed_batch(rows, urgent=True)
        finally:
            with self._cond:
                self._urgent -= 1
                self._cond.notify_all()
        return len(rows)

    def wait_idle(self, timeout_s: float | None = None, progress: ProgressFn | None = None) -> bool:
        """Block until nothing is pending (or the worker failed). Returns False on timeout."""
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        with self._cond:
            total = len(self._pending) + len(self.dense)
            while self._pending and self._error is None:
                if progress:
                    progress(total - len(self._pending), total)
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._cond.wait(timeout=remaining if remaining is not None else 1.0)
            if progress:
                progress(total - len(self._pending), total)
        return True

    # --- search ---------------------------------------------------------------------------------------------

    def search(
        self,
        query: str,
        k: int = 10,
        mode: Mode = "hybrid",
        token_budget: int | None = None,
        load_model: bool = False,
        favour: Collection[str] = (),
        embed_missing: bool = False,
    ) -> list[SearchResult]:
        """Hybrid search. Dense results join once the model is loaded (in the background, or now if load_model).
        Open files, and the paths in ``favour`` (the user's active file), are boosted.

        With ``embed_missing`` (a search that cannot wait for the whole workspace to be embedded: an edit's first
        retrieval), the best lexical candidates and the ``favour`` files are embedded first, so dense scores are
        there where they matter; a model that cannot load leaves the search lexical."""
        lexical = [] if mode == "dense" else [i for i, _ in self.store.lexical(query_terms(query), CANDIDATES)]
        if embed_missing and mode != "lexical" and self._error is None:
            try:
                self.embed_now(lexical[:ON_DEMAND_CHUNKS], favour)
            except Exception as exc:  # the model is optional for search: say why dense scores are missing
                log.warning("embedding on demand failed; searching lexically: %s", exc)
        dense: list[int] = []
        if mode != "lexical" and len(self.dense) and (self.embedder.loaded or load_model):
            vector = self.embedder.encode([query])[0]
            dense = [i for i, _ in self.dense.search(vector, CANDIDATES)]
        rows = {row.id: row for row in self.store.chunks(set(lexical) | set(dense))}
        now = time.monotonic()
        recent = {p for p, t in self._recent.items() if now - t < RECENT_EDIT_S}
        with self._cond:
            unembedded = {i for i in lexical if i in self._pending}
        scored = rank(
            query,
            lexical,
            dense,
            rows,
            open_paths=self.open_paths | set(favour),
            recent_paths=recent,
            unembedded=unembedded,
            mode=mode,
        )
        return select(scored, k, token_budget)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        if self._worker is not None:
            self._worker.join(timeout=10)
        self.store.close()
        self.cache.close()
