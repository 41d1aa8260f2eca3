"""``polyedit write``: a kept edit is read back from disk, so it is checked as a model's answer is before anything
is written from it; it is written all or nothing, once, and its unmasked copy is deleted then."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from polyedit.config import Settings
from polyedit.pipeline.traces import save_edit
from polyedit.pipeline.types import FileChange
from polyedit.pipeline.writes import write_changes
from polyedit.write_cli import run_write

from tests.unit.pipeline.test_run import FILES, RENAMED


@pytest.fixture
def root(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    for rel, text in FILES.items():
        (ws / rel).parent.mkdir(parents=True, exist_ok=True)
        (ws / rel).write_text(text)
    return ws


def keep(tmp_path: Path, root: Path, changes: list[FileChange]) -> Path:
    trace = tmp_path / "cache" / "runs" / "run-1.json"
    trace.parent.mkdir(parents=True, exist_ok=True)
    return save_edit(Settings(cache_dir=str(tmp_path / "cache")), trace, root, changes)


def renames() -> list[FileChange]:
    return [FileChange(rel, "modify", FILES[rel], RENAMED[rel], ("syntax",), "m") for rel in FILES]


def files(root: Path) -> dict[str, str]:
    return {rel: (root / rel).read_text() for rel in FILES}


def test_a_kept_edit_is_written_once_and_its_copy_deleted(
    tmp_path: Path, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = keep(tmp_path, root, renames())
    assert kept.name == "edit-1.json" and kept.stat().st_mode & 0o777 == 0o600
    assert run_write(kept, False) == 0 and files(root) == RENAMED and not kept.exists()
    assert f"in {root.resolve()}" in capsys.readouterr().err  # where it writes is said


def test_an_edit_already_written_is_said_so(tmp_path: Path, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kept = keep(tmp_path, root, renames())
    write_changes(root.resolve(), renames())
    assert run_write(kept, False) == 0 and "already written" in capsys.readouterr().err and not kept.exists()


def test_a_file_changed_since_the_run_stops_the_whole_write_and_the_edit_stays_kept(
    tmp_path: Path, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = keep(tmp_path, root, renames())
    first = next(iter(FILES))
    (root / first).write_text("# the user's newer work\n")
    assert run_write(kept, False) == 1 and "changed on disk" in capsys.readouterr().err
    assert (root / first).read_text() == "# the user's newer work\n" and kept.exists()
    assert all((root / rel).read_text() == FILES[rel] for rel in FILES if rel != first)


@pytest.mark.parametrize(
    ("path", "words"),
    [
        (".env", "secret"),
        ("../outside.py", "leaves the workspace"),
        (".git/hooks/pre-commit", ".git"),
        ("a\0b.py", "NUL"),
    ],
)
def test_paths_are_checked_again_as_the_run_checks_them(
    tmp_path: Path, root: Path, capsys: pytest.CaptureFixture[str], path: str, words: str
) -> None:
    kept = keep(tmp_path, root, [*renames(), FileChange(path, "create", None, "X=1\n", (), "m")])
    assert run_write(kept, False) == 1 and words in capsys.readouterr().err
    assert files(root) == FILES and not (tmp_path / "outside.py").exists() and not (root / ".env").exists()


def crafted(root: Path, **change: Any) -> dict[str, Any]:
    base = {"path": "a.py", "action": "modify", "old_text": "x\n", "new_text": "y\n", "checks": []}
    return {"root": str(root), "changes": [base | {"model": "m", "tier": "structural", "intent": ""} | change]}


@pytest.mark.parametrize(
    ("record", "words"),
    [
        ("{not json", "not JSON"),
        ([], "no list of changes"),
        ({"root": "/x", "changes": []}, "no list of changes"),
        (crafted(Path("relative")), "not an absolute path"),
        (crafted(Path("/tmp"), action="chmod"), "action 'chmod'"),
        (crafted(Path("/tmp"), action=["modify"]), "action ['modify']"),
        (crafted(Path("/tmp"), checks=[1]), "wrong type"),
        (crafted(Path("/tmp"), new_text=None), "must have a new_text"),
        (crafted(Path("/tmp"), action="create"), "must not have a old_text"),
        (crafted(Path("/tmp"), path=3), "wrong type"),
        (crafted(Path("/tmp"), extra=1), "does not have the fields"),
    ],
)
def test_a_crafted_or_broken_kept_edit_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], record: Any, words: str
) -> None:
    kept = tmp_path / "edit-x.json"
    kept.write_text(record if isinstance(record, str) else json.dumps(record))
    assert run_write(kept, False) == 1
    err = capsys.readouterr().err
    assert words in err and str(kept) in err and "Traceback" not in err


def test_a_missing_kept_edit_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_write(tmp_path / "edit-gone.json", False) == 1 and "No such file" in capsys.readouterr().err


def test_a_new_text_with_a_lone_surrogate_is_refused_not_a_traceback(root: Path) -> None:
    from polyedit.pipeline.types import EditFailed

    with pytest.raises(EditFailed, match="cannot be written"):
        write_changes(root.resolve(), [FileChange("new.py", "create", None, "x = '\ud800'\n", (), "m")])
    assert not (root / "new.py").exists()


def test_rotation_survives_files_another_process_removed(tmp_path: Path, root: Path) -> None:
    from polyedit.pipeline import traces

    folder = tmp_path / "runs"
    folder.mkdir()
    for n in range(3):
        (folder / f"edit-{n}.json").write_text("{}")
    real_stat = Path.stat

    def vanishing(self: Path, **kw: Any) -> os.stat_result:
        if self.name == "edit-1.json":
            raise FileNotFoundError(self)
        return real_stat(self, **kw)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Path, "stat", vanishing)
        traces._rotate(folder, 1, "edit-*.json")
    assert len(list(folder.glob("edit-*.json"))) == 1
