"""The workspace index (files, chunks, lexical FTS5) and the embedding cache shared by all workspaces."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from polyedit.index.chunker import Chunk, embed_text
from polyedit.index.db import EMBEDDING_MIGRATIONS, INDEX_MIGRATIONS, Database
from polyedit.index.tokens import lexical_terms

Vector = npt.NDArray[np.float32]


@dataclass(frozen=True)
class ChunkRow:
    id: int
    path: str
    start_line: int
    end_line: int
    symbol: str | None
    header: str
    text: str
    hash: str

    @property
    def embed_text(self) -> str:
        return embed_text(self.header, self.text)


@dataclass(frozen=True)
class FileState:
    mtime_ns: int
    size_bytes: int
    origin: str


def workspace_db_path(cache_dir: Path, root: Path, recipe: str) -> Path:
    """Each workspace root gets its own folder under the cache directory, and in it one index file per recipe (how
    its rows were made: the chunker's version and token budget, the masking rules' version). Rows made another way
    are never mixed in or served: a new recipe starts an index of its own (unchanged chunk texts keep their cached
    embeddings), and two processes that chunk differently (a server with its editor's settings, a CLI run) each keep
    theirs instead of wiping each other's."""
    root = root.resolve()
    digest = hashlib.sha256(str(root).encode("utf-8")).hexdigest()[:16]
    made = hashlib.sha256(recipe.encode("utf-8")).hexdigest()[:12]
    return cache_dir / "workspaces" / f"{root.name or 'root'}-{digest}" / f"index-{made}.sqlite"


class IndexStore:
    def __init__(self, path: Path) -> None:
        self.db = Database(path, INDEX_MIGRATIONS)

    @property
    def recovered(self) -> str | None:
        return self.db.recovered

    def file_states(self) -> dict[str, FileState]:
        with self.db.lock:
            rows = self.db.conn.execute("SELECT path, mtime_ns, size_bytes, origin FROM files").fetchall()
        return {path: FileState(m, s, o) for path, m, s, o in rows}

    def replace_file(
        self, path: str, mtime_ns: int, size_bytes: int, origin: str, chunks: Sequence[Chunk]
    ) -> tuple[list[int], list[ChunkRow]]:
        """Swap a file's chunks in one transaction. Returns (removed chunk ids, inserted rows)."""
        with self.db.write() as conn:
            removed = self._delete_chunks(path)
            conn.execute(
                "INSERT INTO files VALUES (?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET "
                "mtime_ns = excluded.mtime_ns, size_bytes = excluded.size_bytes, origin = excluded.origin",
                (path, mtime_ns, size_bytes, origin),
            )
            added = []
            for chunk in chunks:
                values = (path, chunk.start_line, chunk.end_line, chunk.symbol, chunk.header, chunk.text)
                cur = conn.execute(
                    "INSERT INTO chunks (path, start_line, end_line, symbol, header, text, hash) "
                    "VALUES (?,?,?,?,?,?,?)",
                    (*values, chunk.content_hash),
                )
                row_id = int(cur.lastrowid or 0)
                meta = lexical_terms(f"{path} {chunk.symbol or ''}")
                conn.execute(
                    "INSERT INTO chunks_fts (rowid, code, meta) VALUES (?, ?, ?)",
                    (row_id, lexical_terms(chunk.text), meta),
                )
                added.append(ChunkRow(row_id, *values, chunk.content_hash))
        return removed, added

    def remove_file(self, path: str) -> list[int]:
        with self.db.write() as conn:
            removed = self._delete_chunks(path)
            conn.execute("DELETE FROM files WHERE path = ?", (path,))
        return removed

    def _delete_chunks(self, path: str) -> list[int]:
        conn = self.db.conn
        ids = [row[0] for row in conn.execute("SELECT id FROM chunks WHERE path = ?", (path,))]
        conn.executemany("DELETE FROM chunks_fts WHERE rowid = ?", ((i,) for i in ids))
        conn.execute("DELETE FROM chunks WHERE path = ?", (path,))
        return ids

    def lexical(self, terms: Sequence[str], limit: int) -> list[tuple[int, float]]:
        """Chunk ids ranked by BM25 over code terms and (weighted up) path/symbol terms; best first."""
        if not terms:
            return []
        match = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
        sql = (
            "SELECT rowid, bm25(chunks_fts, 1.0, 3.0) AS rank FROM chunks_fts "
            "WHERE chunks_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        with self.db.lock:
            rows = self.db.conn.execute(sql, (match, limit)).fetchall()
        return [(int(i), -float(r)) for i, r in rows]

    def chunks(self, ids: Iterable[int] | None = None) -> list[ChunkRow]:
        sql = "SELECT id, path, start_line, end_line, symbol, header, text, hash FROM chunks"
        with self.db.lock:
            if ids is None:
                rows = self.db.conn.execute(sql).fetchall()
            else:
                wanted = list(ids)
                rows = []
                for start in range(0, len(wanted), 500):
                    part = wanted[start : start + 500]
                    marks = ",".join("?" * len(part))
                    rows += self.db.conn.execute(f"{sql} WHERE id IN ({marks})", part).fetchall()
        return [ChunkRow(*row) for row in rows]

    def counts(self) -> tuple[int, int]:
        with self.db.lock:
            files = self.db.conn.execute("SELECT count(*) FROM files").fetchone()[0]
            chunks = self.db.conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        return int(files), int(chunks)

    def close(self) -> None:
        self.db.close()


class EmbeddingCache:
    """Vectors keyed by (model, content hash): a chunk is embedded once per model, whatever workspace holds it."""

    def __init__(self, path: Path) -> None:
        self.db = Database(path, EMBEDDING_MIGRATIONS)

    @property
    def recovered(self) -> str | None:
        return self.db.recovered

    def get_many(self, model: str, hashes: Iterable[str]) -> dict[str, Vector]:
        wanted = list(dict.fromkeys(hashes))
        found: dict[str, Vector] = {}
        with self.db.lock:
            for start in range(0, len(wanted), 500):
                part = wanted[start : start + 500]
                marks = ",".join("?" * len(part))
                rows = self.db.conn.execute(
                    f"SELECT hash, vector FROM embeddings WHERE model = ? AND hash IN ({marks})",
                    (model, *part),
                ).fetchall()
                for key, blob in rows:
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, model: str, vectors: dict[str, Vector]) -> None:
        with self.db.write() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?)",
                ((model, key, np.asarray(vec, dtype=np.float32).tobytes()) for key, vec in vectors.items()),
            )

    def close(self) -> None:
        self.db.close()
