"""SQLite databases with named, ordered migrations and recovery from corrupt files."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 60  # how long a write waits for another polyedit process (a second `polyedit index`, the server)

Migration = tuple[str, str]  # (name, SQL script); applied once, in list order, never edited after release

INDEX_MIGRATIONS: list[Migration] = [
    (
        "0001_files_and_chunks",
        """
        CREATE TABLE files (
            path TEXT PRIMARY KEY,
            mtime_ns INTEGER NOT NULL,
            size_bytes INTEGER NOT NULL,
            origin TEXT NOT NULL            -- 'disk' or 'buffer' (an open editor document)
        );
        CREATE TABLE chunks (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE,
            start_line INTEGER NOT NULL,
            end_line INTEGER NOT NULL,
            symbol TEXT,
            header TEXT NOT NULL,            -- context line embedded before the text
            text TEXT NOT NULL,
            hash TEXT NOT NULL               -- sha256 of the embedded text: the embedding cache key
        );
        CREATE INDEX chunks_by_path ON chunks(path);
        """,
    ),
    (
        "0002_lexical_fts5",
        # rowid = chunks.id. 'code' holds identifier-split terms of the text, 'meta' those of path and symbol.
        "CREATE VIRTUAL TABLE chunks_fts USING fts5(code, meta, tokenize = 'unicode61 remove_diacritics 2');",
    ),
]

EMBEDDING_MIGRATIONS: list[Migration] = [
    (
        "0001_embeddings",
        """
        CREATE TABLE embeddings (
            model TEXT NOT NULL,
            hash TEXT NOT NULL,
            vector BLOB NOT NULL,           -- float32, L2-normalised
            PRIMARY KEY (model, hash)
        ) WITHOUT ROWID;
        """,
    ),
]


class Database:
    """One SQLite file in WAL mode, shared by threads behind a lock.

    If the file is not a database, fails its integrity check or its migrations, it is moved aside and rebuilt;
    ``recovered`` then holds a sentence saying so (derived data only lives here, so nothing is lost).
    """

    def __init__(self, path: Path, migrations: list[Migration]) -> None:
        self.path = path
        self.lock = threading.RLock()
        self.recovered: str | None = None
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = self._open(migrations)
        except sqlite3.DatabaseError as exc:
            if is_busy(exc):  # another process holds it: that is no reason to move its data aside
                raise sqlite3.OperationalError(
                    f"{path} stayed locked by another polyedit process for {BUSY_TIMEOUT_S} s; try again"
                ) from exc
            aside = path.with_name(f"{path.name}.corrupt-{time.time_ns()}")
            for suffix in ("", "-wal", "-shm"):
                src = Path(str(path) + suffix)
                if src.exists():
                    src.replace(Path(str(aside) + suffix))
            _drop_old_copies(path)
            self.recovered = f"the database {path} was unreadable ({exc}); moved it to {aside.name} and rebuilt it"
            log.warning(self.recovered)
            self.conn = self._open(migrations)

    def _open(self, migrations: list[Migration]) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=BUSY_TIMEOUT_S)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            row = conn.execute("PRAGMA quick_check").fetchone()
            if row is None or row[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {row[0] if row else 'no answer'}")
            apply_migrations(conn, migrations)
        except BaseException:
            conn.close()
            raise
        return conn

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction. IMMEDIATE takes the write lock up front, so a second process waits for it (busy
        timeout) instead of failing at once when a deferred read transaction cannot upgrade."""
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def close(self) -> None:
        with self.lock:
            self.conn.close()


KEEP_ASIDE = 2  # moved-aside copies kept per database (for a look at what went wrong); older ones are deleted


def _drop_old_copies(path: Path) -> None:
    """Two versions of polyedit that take turns opening one index move it aside each time: keep the newest few."""
    copies = sorted(path.parent.glob(f"{path.name}.corrupt-*[0-9]"), key=lambda p: int(p.name.rsplit("-", 1)[1]))
    for old in copies[:-KEEP_ASIDE]:
        for suffix in ("", "-wal", "-shm"):
            Path(str(old) + suffix).unlink(missing_ok=True)


def is_busy(exc: sqlite3.DatabaseError) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


def apply_migrations(conn: sqlite3.Connection, migrations: list[Migration]) -> list[str]:
    """Apply the migrations not yet recorded, in order, each in its own transaction. Returns the names applied."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at REAL NOT NULL)")
    done = {row[0] for row in conn.execute("SELECT name FROM schema_migrations")}
    known = [name for name, _ in migrations]
    unknown = done - set(known)
    if unknown:
        raise sqlite3.DatabaseError(f"database has migrations this version does not know: {sorted(unknown)}")
    applied = []
    for name, script in migrations:
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("SELECT 1 FROM schema_migrations WHERE name = ?", (name,)).fetchone():
                conn.execute("COMMIT")  # another process applied it while this one waited for the lock
                continue
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?)", (name, time.time()))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def _statements(script: str) -> list[str]:
    """Split a migration script into complete statements (executescript would commit on its own)."""
    out, current = [], ""
    for part in script.split(";"):
        current += part + ";"
        if sqlite3.complete_statement(current):
            if current.strip(" \n\t;"):
                out.append(current.strip())
            current = ""
    return out
