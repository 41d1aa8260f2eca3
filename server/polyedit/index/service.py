"""The live workspace index: keeps the store, the dense index and open buffers in step, and embeds in a thread.

Blocking by design (SQLite, tree-sitter, the model): the LSP layer calls it from worker threads, never on its
event loop. Chunks are searchable lexically as soon as they are stored; dense search covers them once embedded.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

import numpy as np

from polyedit.config import Settings
from polyedit.index.chunker import Chunker
from polyedit.index.dense import DenseIndex
from polyedit.index.embedder import Embedder, make_embedder
from polyedit.index.embedding import (
    FIRST_SEARCH_CHUNKS,
    FIRST_SEARCH_SECONDS,
    ON_DEMAND_CHUNKS,
    EmbeddingQueue,
    ProgressFn,
)
from polyedit.index.files import Skipped, Workspace
from polyedit.index.onnx_embedder import OnnxEmbedder
from polyedit.index.search import CANDIDATES, Mode, SearchResult, merge_parts, query_parts, rank, select
from polyedit.index.secrets import MASKING_VERSION, mask
from polyedit.index.static_tier import StaticTier, table_path
from polyedit.index.status import IndexStatus, ScanSummary
from polyedit.index.store import EmbeddingCache, FileState, IndexStore, Vector, workspace_db_path
from polyedit.index.tokens import query_terms

log = logging.getLogger(__name__)

RECENT_EDIT_S = 600.0
QUERY_VECTORS = 32  # recent query vectors kept: repeated searches of one text embed it once
STATUS_THROTTLE_S = 1.0


def index_recipe(settings: Settings) -> str:
    """How an index's rows are made from the files; part of its file's name (``store.workspace_db_path``)."""
    return f"{Chunker(settings.chunk_max_tokens).recipe}, masking {MASKING_VERSION}"


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
        self.chunker = Chunker(settings.chunk_max_tokens)
        self.store = IndexStore(workspace_db_path(cache_dir, self.workspace.root, index_recipe(settings)))
        self.cache = EmbeddingCache(cache_dir / "embeddings.sqlite")
        self.embedder: Embedder = embedder or make_embedder(settings)
        self.dense = DenseIndex()
        self.queue = EmbeddingQueue(
            self.embedder, self.cache, self.dense, settings.embed_batch_size, on_change=self._update_state
        )
        self.notices = [n for n in (self.store.recovered, self.cache.recovered) if n]
        self._on_status = on_status
        self._buffers: dict[str, str] = {}
        self._recent: dict[str, float] = {}
        self._cond = self.queue.cond  # one condition for the queue and the state
        self._write = threading.RLock()  # one file update at a time: a scan and a buffer must not interleave
        self._state = "starting"
        self._scanning = False
        self._scan_progress = (0, 0)  # (files looked at, files to look at) while a scan runs
        self._last_emit = 0.0
        self._tier: StaticTier | bool | None = None  # made on the first search that needs it; False: failed
        self._tier_lock = threading.Lock()
        self._query_vectors: dict[str, Vector] = {}  # recent queries: an edit searches its query twice
        self.queue.add(self.store.chunks())

    @property
    def embedded_now(self) -> int:
        """Chunks the model embedded in this process (0 on a warm restart)."""
        return self.queue.embedded_now

    # --- status ---------------------------------------------------------------------------------------------

    def status(self) -> IndexStatus:
        files, chunks = self.store.counts()
        with self._cond:
            pending = len(self.queue)
            scanned, total = self._scan_progress
            return IndexStatus(
                self._state,
                files,
                chunks,
                len(self.dense),
                pending,
                self.embedded_now,
                self.queue.error,
                scanned,
                total,
            )

    def _update_state(self, force: bool = False) -> None:
        with self._cond:
            if self.queue.error is not None:
                state = "error"
            elif self._scanning:
                state = "indexing"
            else:
                state = "embedding" if len(self.queue) else "ready"
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
        self.queue.pause(True)
        self._update_state()
        try:
            indexed, removed, skipped = self._scan(progress)
        finally:
            self._scanning = False
            self._scan_progress = (0, 0)
            self.queue.pause(False)
            self._update_state(force=True)
        files, chunks = self.store.counts()
        return ScanSummary(files, indexed, len(removed), skipped, chunks, time.monotonic() - started)

    def _scan(self, progress: ProgressFn | None) -> tuple[int, list[str], list[Skipped]]:
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
        return indexed, removed, skipped

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
        self.queue.add(added)

    def _forget(self, chunk_ids: list[int]) -> None:
        self.queue.forget(chunk_ids)

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

    # --- embedding (index/embedding.py) ---------------------------------------------------------------------

    def start_embedding(self) -> None:
        """Start the background worker: it loads the model, then embeds pending chunks while no scan runs."""
        self.queue.start()

    def embed_now(self, chunk_ids: Sequence[int], paths: Collection[str] = (), fill: Sequence[int] = ()) -> int:
        return self.queue.embed_now(chunk_ids, paths, fill)

    def tier_needs_distilling(self) -> bool:
        """True when a first search that must rank its chunks will first distil the static tier (seconds, once per
        machine): the bundled model as ONNX, and no table made yet."""
        embedder = self.embedder
        return isinstance(embedder, OnnxEmbedder) and not embedder.problem and not table_path(embedder).is_file()

    def _first_tier_order(self, query: str) -> list[int]:
        """The waiting chunks, best first for ``query`` by the static tier when there are more than the first search
        embeds; in any order when all fit; none without a tier (other models than the bundled one, or a failure)."""
        waiting = self.queue.pending_rows()
        with self._tier_lock:  # two edits at once in the server: one distillation, one ranking at a time
            if len(waiting) <= FIRST_SEARCH_CHUNKS:
                if isinstance(self._tier, StaticTier):
                    # Its table (31 MB) and vectors (~2 KB a chunk) are not held for the server's life: read from
                    # disk again (a fraction of a second) if as many chunks wait again.
                    self._tier = None
                return [row.id for row in waiting]
            if self._tier is None and isinstance(self.embedder, OnnxEmbedder):
                try:
                    self._tier = StaticTier.for_embedder(self.embedder)
                except Exception as exc:  # the tier only orders work: without it the search still embeds its best
                    log.warning("no first-pass static model, the first search embeds lexical candidates only: %s", exc)
                    self._tier = False
            if not isinstance(self._tier, StaticTier):
                return []
            try:
                return self._tier.rank(query, waiting)
            except Exception as exc:  # nor may a failure here cost the lexical candidates their vectors
                log.warning("no first-pass ranking, the first search embeds lexical candidates only: %s", exc)
                return []

    def wait_idle(self, timeout_s: float | None = None, progress: ProgressFn | None = None) -> bool:
        return self.queue.wait_idle(timeout_s, progress)

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
        parts_of: str | None = None,
    ) -> list[SearchResult]:
        """Hybrid search. Dense results join once the model is loaded (in the background, or now if load_model).
        Open files, and the paths in ``favour`` (the user's active file), are boosted.

        With ``embed_missing`` (a search that cannot wait for the whole workspace to be embedded: an edit's first
        retrieval), the best lexical candidates, the ``favour`` files and the static tier's best chunks are embedded
        first (index/static_tier.py), so dense scores are there where they matter; a model that cannot load leaves
        the search lexical.

        A query of several sentences or ;-clauses also searches each alone (index/search.py); ``parts_of`` names the
        text to split when it is not the whole query (an instruction with the editor's selection appended: the
        selection is code, not clauses)."""
        queries = [query, *query_parts(query if parts_of is None else parts_of)]
        lexical = [
            [] if mode == "dense" else [i for i, _ in self.store.lexical(query_terms(q), CANDIDATES)] for q in queries
        ]
        if embed_missing and mode != "lexical" and self.queue.error is None:
            try:
                self.queue.embed_now(
                    lexical[0][:ON_DEMAND_CHUNKS],
                    favour,
                    self._first_tier_order(query),
                    FIRST_SEARCH_CHUNKS,
                    FIRST_SEARCH_SECONDS,
                )
                self.queue.load()  # also when nothing was missing: a warm index is searched densely at once
            except Exception as exc:  # the model is optional for search: say why dense scores are missing
                log.warning("embedding on demand failed; searching lexically: %s", exc)
        vectors = None
        if mode != "lexical" and len(self.dense) and (self.embedder.loaded or load_model):
            vectors = self._encode_queries(queries)
        # One look at the queue: a chunk the worker attaches between reading the dense index and reading what is
        # still pending would be in neither, and lose its place (the function just typed).
        with self.queue.cond:
            dense = (
                [[] for _ in queries]
                if vectors is None
                else [[i for i, _ in found] for found in self.dense.search_many(vectors, CANDIDATES)]
            )
            unembedded = self.queue.pending_among({i for ids in lexical for i in ids})
        rows = {row.id: row for row in self.store.chunks({i for ids in (*lexical, *dense) for i in ids})}
        now = time.monotonic()
        recent = {p for p, t in self._recent.items() if now - t < RECENT_EDIT_S}
        rankings = [
            rank(
                q,
                lex,
                den,
                rows,
                open_paths=self.open_paths | set(favour),
                recent_paths=recent,
                unembedded=unembedded,
                mode=mode,
            )
            for q, lex, den in zip(queries, lexical, dense, strict=True)
        ]
        scored = merge_parts(rankings[0], rankings[1:])
        return select(scored, k, token_budget)

    def _encode_queries(self, queries: list[str]) -> Vector:
        """The queries' vectors, each embedded once while it is among the last QUERY_VECTORS queries (an edit's
        retrieval and its outline's ranking search the same text)."""
        recent = self._query_vectors  # one look: another search may replace it meanwhile
        found = {q: recent[q] for q in queries if q in recent}
        missing = [q for q in dict.fromkeys(queries) if q not in found]
        if missing:
            found.update(zip(missing, self.embedder.encode(missing), strict=True))
            kept = recent if len(recent) + len(missing) <= QUERY_VECTORS else {}
            self._query_vectors = {**kept, **{q: found[q] for q in missing}}
        return np.stack([found[q] for q in queries])

    def close(self) -> None:
        self.queue.close()
        self.store.close()
        self.cache.close()
