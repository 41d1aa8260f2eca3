"""Two polyedit processes on one workspace (two `polyedit index`, or the server and the CLI) share its index: the
second waits for the first's write and never fails, and a lock is never mistaken for a corrupt file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from polyedit.index import db
from polyedit.index.db import INDEX_MIGRATIONS, Database

WRITER = """
import sys
from pathlib import Path
from polyedit.index.chunker import Chunker
from polyedit.index.store import IndexStore

store = IndexStore(Path(sys.argv[1]))
for round_ in range(40):
    for n in range(10):
        path = f"pkg/m{n}.py"
        text = f"def f{n}_{round_}(x):\\n    return x + {n}\\n"
        store.replace_file(path, round_, len(text), "disk", Chunker().chunk(path, text))
    store.remove_file("pkg/m0.py")
print("ok")
"""


def test_processes_writing_one_fresh_index_at_once_all_finish(tmp_path: Path) -> None:
    index = tmp_path / "index.sqlite"
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(index)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    results = [(w.wait(timeout=120), w.stdout.read().decode(), w.stderr.read().decode()) for w in writers]  # type: ignore[union-attr]
    assert [code for code, _, _ in results] == [0, 0, 0], [err[-800:] for _, _, err in results]
    assert all(out.startswith("ok") for _, out, _ in results)
    assert sorted(p.name for p in tmp_path.iterdir() if "corrupt" in p.name) == []  # nothing moved aside
    with sqlite3.connect(index) as conn:
        assert conn.execute("SELECT count(*) FROM files").fetchone()[0] == 9  # m1..m9; m0 removed by all


def test_a_database_locked_by_another_process_is_reported_never_moved_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "index.sqlite"
    Database(path, INDEX_MIGRATIONS).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another process in the middle of a write
    monkeypatch.setattr(db, "BUSY_TIMEOUT_S", 0.2)
    try:
        with pytest.raises(sqlite3.OperationalError, match="stayed locked by another polyedit process"):
            Database(path, [*INDEX_MIGRATIONS, ("0003_more", "CREATE TABLE more (x INTEGER);")])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.sqlite"] + [
        n for n in ("index.sqlite-shm", "index.sqlite-wal") if (tmp_path / n).exists()
    ]
    assert Database(path, INDEX_MIGRATIONS).recovered is None
