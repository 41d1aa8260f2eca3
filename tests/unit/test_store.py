"""The SQLite store: migrations, chunk replacement, FTS5 lexical search, embedding cache, corrupt files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest
from polyedit.index.chunker import Chunker
from polyedit.index.db import INDEX_MIGRATIONS, Database, apply_migrations
from polyedit.index.store import EmbeddingCache, IndexStore
from polyedit.index.tokens import query_terms


def test_migrations_apply_once_in_order(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "a.sqlite", isolation_level=None)
    assert apply_migrations(conn, INDEX_MIGRATIONS) == [name for name, _ in INDEX_MIGRATIONS]
    assert apply_migrations(conn, INDEX_MIGRATIONS) == []
    extra = [*INDEX_MIGRATIONS, ("0003_symbols_index", "CREATE INDEX chunks_by_symbol ON chunks(symbol);")]
    assert apply_migrations(conn, extra) == ["0003_symbols_index"]
    names = [row[0] for row in conn.execute("SELECT name FROM schema_migrations ORDER BY rowid")]
    assert names == [name for name, _ in extra]


def test_failed_migration_rolls_back(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "a.sqlite", isolation_level=None)
    broken = [("0001_ok", "CREATE TABLE t (x);"), ("0002_bad", "CREATE TABLE u (y); INSERT INTO nope VALUES (1);")]
    with pytest.raises(sqlite3.OperationalError):
        apply_migrations(conn, broken)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "t" in tables and "u" not in tables
    assert [r[0] for r in conn.execute("SELECT name FROM schema_migrations")] == ["0001_ok"]


def test_wal_mode(tmp_path: Path) -> None:
    store = IndexStore(tmp_path / "i.sqlite")
    assert store.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize("garbage", [b"this is not a database" * 100, b"SQLite format 3\0" + b"\xff" * 4000])
def test_corrupt_database_is_moved_aside_and_rebuilt(tmp_path: Path, garbage: bytes) -> None:
    path = tmp_path / "index.sqlite"
    path.write_bytes(garbage)
    store = IndexStore(path)
    assert store.recovered is not None and "rebuilt" in store.recovered
    assert store.counts() == (0, 0)
    assert len(list(tmp_path.glob("index.sqlite.corrupt-*"))) == 1


def test_only_the_newest_moved_aside_copies_are_kept(tmp_path: Path) -> None:
    """An older and a newer polyedit taking turns on one index move it aside each time: copies do not pile up."""
    path = tmp_path / "index.sqlite"
    for _ in range(5):
        path.write_bytes(b"not a database" * 100)
        IndexStore(path).close()
    assert len(list(tmp_path.glob("index.sqlite.corrupt-*"))) == 2


def test_database_from_a_newer_version_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite"
    Database(path, [*INDEX_MIGRATIONS, ("9999_future", "CREATE TABLE future (x);")]).close()
    assert IndexStore(path).recovered is not None


def test_replace_file_and_lexical_search(tmp_path: Path) -> None:
    store = IndexStore(tmp_path / "i.sqlite")
    chunker = Chunker()
    _, added = store.replace_file("a.py", 1, 10, "disk", chunker.chunk("a.py", "def fetchUserName(uid):\n    pass\n"))
    store.replace_file("b.py", 1, 10, "disk", chunker.chunk("b.py", "def save_order(o):\n    pass\n"))
    assert [row_id for row_id, _ in store.lexical(query_terms("fetch user"), 10)] == [added[0].id]
    removed, _ = store.replace_file("a.py", 2, 10, "disk", chunker.chunk("a.py", "def other():\n    pass\n"))
    assert removed == [added[0].id]
    assert store.lexical(query_terms("fetch user"), 10) == []
    assert store.remove_file("b.py") and store.counts() == (1, 1)


def test_path_and_symbol_terms_are_searchable(tmp_path: Path) -> None:
    store = IndexStore(tmp_path / "i.sqlite")
    store.replace_file("billing/invoice.py", 1, 1, "disk", Chunker().chunk("billing/invoice.py", "x = 1\n"))
    assert len(store.lexical(query_terms("invoice"), 10)) == 1


def test_embedding_cache_is_keyed_by_model_and_hash(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path / "e.sqlite")
    vec = np.arange(4, dtype=np.float32)
    cache.put_many("m1", {"h1": vec})
    assert set(cache.get_many("m1", ["h1", "h2"])) == {"h1"}
    assert cache.get_many("m2", ["h1"]) == {}
    np.testing.assert_array_equal(cache.get_many("m1", ["h1"])["h1"], vec)
