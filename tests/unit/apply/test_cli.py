"""``polyedit apply`` as a user runs it: a subprocess, real files, exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ORIGINAL = "def a():\n    return 1\n\n\ndef b():\n    return 2\n"
SKETCH = "# ... existing code ...\ndef b():\n    return 3\n"


def polyedit(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "polyedit.cli", "apply", *args], capture_output=True, text=True, input=stdin, timeout=60
    )


def test_prints_the_merged_file_by_default(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(ORIGINAL)
    (tmp_path / "s.txt").write_text(SKETCH)
    done = polyedit(str(tmp_path / "m.py"), str(tmp_path / "s.txt"))
    assert done.returncode == 0 and done.stdout == ORIGINAL.replace("return 2", "return 3")
    assert (tmp_path / "m.py").read_text() == ORIGINAL  # nothing written


def test_diff_json_and_stdin(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(ORIGINAL)
    diff = polyedit(str(tmp_path / "m.py"), "-", "--diff", stdin=SKETCH)
    assert diff.returncode == 0 and "-    return 2\n+    return 3\n" in diff.stdout
    data = json.loads(polyedit(str(tmp_path / "m.py"), "-", "--json", stdin=SKETCH).stdout)
    assert set(data) >= {"text", "edits", "checks"} and data["edits"][0]["newText"] == "3"


def test_write_is_atomic_and_keeps_crlf_and_latin1(tmp_path: Path) -> None:
    target = tmp_path / "m.py"
    target.write_bytes(ORIGINAL.replace("\n", "\r\n").replace("return 1", "return 'caf\xe9'").encode("latin-1"))
    (tmp_path / "s.txt").write_text(SKETCH)
    done = polyedit(str(target), str(tmp_path / "s.txt"), "--write")
    assert done.returncode == 0
    assert target.read_bytes() == (
        ORIGINAL.replace("\n", "\r\n").replace("return 1", "return 'caf\xe9'").replace("return 2", "return 3")
    ).encode("latin-1")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.py", "s.txt"]  # no temporary file left behind


def test_refusal_exits_2_with_the_reason_and_leaves_the_file(tmp_path: Path) -> None:
    target = tmp_path / "m.py"
    target.write_text(ORIGINAL)
    (tmp_path / "s.txt").write_text("# ...\ndef zz():\n    pass\n# ...\ndef qq():\n    pass\n# ...\n")
    done = polyedit(str(target), str(tmp_path / "s.txt"), "--write")
    assert done.returncode == 2 and "refused" in done.stderr and "sketch line 2" in done.stderr
    assert target.read_text() == ORIGINAL
    as_json = polyedit(str(target), str(tmp_path / "s.txt"), "--json")
    assert as_json.returncode == 2 and json.loads(as_json.stderr)["refused"]["kind"] == "anchor"
