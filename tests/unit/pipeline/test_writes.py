"""Writing an edit loses nothing: untouched bytes stay, changed lines take the file's encoding and line endings, a
file changed on disk stops the whole write, and a failure half-way puts every file back."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from polyedit.pipeline.types import EditFailed, FileChange
from polyedit.pipeline.writes import as_pipeline_reads, write_changes

from tests.security_cases import ENCODINGS


def modify(root: Path, rel: str, old: str, new: str) -> FileChange:
    """A change as the pipeline makes it: old text as the index read the file, new text as the apply model wrote it."""
    seen = as_pipeline_reads((root / rel).read_bytes())
    assert old in seen, "the test's old text must be in the file"
    return FileChange(rel, "modify", seen, seen.replace(old, new).replace("\r\n", "\n"), (), "m")


@pytest.mark.parametrize(("name", "original", "old", "new", "expected"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_encodings_and_line_endings_are_kept(
    tmp_path: Path, name: str, original: bytes, old: str, new: str, expected: bytes
) -> None:
    (tmp_path / "f.py").write_bytes(original)
    write_changes(tmp_path, [modify(tmp_path, "f.py", old, new)])
    assert (tmp_path / "f.py").read_bytes() == expected


def test_a_codec_that_cannot_hold_the_new_text_refuses(tmp_path: Path) -> None:
    (tmp_path / "f.py").write_bytes(b"# caf\xe9\nv = 1\n")
    with pytest.raises(EditFailed, match=r"f\.py is latin-1 and the edit adds characters it cannot hold: '€'"):
        write_changes(tmp_path, [modify(tmp_path, "f.py", "v = 1", "v = '€'")])
    assert (tmp_path / "f.py").read_bytes() == b"# caf\xe9\nv = 1\n"


def test_the_file_mode_is_kept(tmp_path: Path) -> None:
    script = tmp_path / "run.sh"
    script.write_text("#!/bin/sh\necho 1\n")
    script.chmod(0o755)
    write_changes(tmp_path, [modify(tmp_path, "run.sh", "echo 1", "echo 2")])
    assert script.read_text() == "#!/bin/sh\necho 2\n" and script.stat().st_mode & 0o777 == 0o755


def test_a_file_saved_while_the_model_ran_stops_the_whole_write(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("a = 1\n")
    (tmp_path / "b.py").write_text("b = 1\n")
    changes = [modify(tmp_path, "a.py", "a = 1", "a = 2"), modify(tmp_path, "b.py", "b = 1", "b = 2")]
    (tmp_path / "b.py").write_text("b = 1\nsaved_by_the_user = True\n")
    with pytest.raises(EditFailed, match=r"b\.py changed on disk after polyedit read it; nothing was written"):
        write_changes(tmp_path, changes)
    assert (tmp_path / "a.py").read_text() == "a = 1\n"
    assert (tmp_path / "b.py").read_text() == "b = 1\nsaved_by_the_user = True\n"


def test_the_same_file_twice_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("a = 1\n")
    twice = [modify(tmp_path, "a.py", "a = 1", "a = 2"), FileChange("a.py", "delete", "a = 1\n", None, (), "m")]
    with pytest.raises(EditFailed, match=r"names a\.py more than once; nothing was written"):
        write_changes(tmp_path, twice)
    assert (tmp_path / "a.py").read_text() == "a = 1\n"


def test_a_create_over_a_directory_is_a_clear_refusal(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("a = 1\n")
    (tmp_path / "pkg").mkdir()
    changes = [modify(tmp_path, "a.py", "a = 1", "a = 2"), FileChange("pkg", "create", None, "x\n", (), "m")]
    with pytest.raises(EditFailed, match=r"pkg exists now; polyedit would have created it"):
        write_changes(tmp_path, changes)
    assert (tmp_path / "a.py").read_text() == "a = 1\n" and (tmp_path / "pkg").is_dir()


def test_a_failure_half_way_puts_every_file_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up while the third file is renamed into place: the first two are restored, the new file and
    the directory made for it are removed, the deleted file is back, no staging file is left."""
    (tmp_path / "a.py").write_text("a = 1\n")
    (tmp_path / "gone.py").write_text("g = 1\n")
    (tmp_path / "c.py").write_text("c = 1\n")
    changes = [
        modify(tmp_path, "a.py", "a = 1", "a = 2"),
        FileChange("gone.py", "delete", "g = 1\n", None, (), "m"),
        FileChange("new/pkg/n.py", "create", None, "n = 1\n", (), "m"),
        modify(tmp_path, "c.py", "c = 1", "c = 2"),
    ]
    real_replace, calls = os.replace, []

    def full_disk(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device", dst)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(EditFailed, match=r"No space left on device; nothing was changed"):
        write_changes(tmp_path, changes)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["a.py", "c.py", "gone.py"]
    assert [(tmp_path / f).read_text() for f in ("a.py", "gone.py", "c.py")] == ["a = 1\n", "g = 1\n", "c = 1\n"]


def test_a_link_that_appeared_after_the_check_is_refused(tmp_path: Path) -> None:
    """The pipeline follows links when it checks a path (pipeline/paths.py), so the writer gets real paths; a link
    there now appeared in between (a git pull during the model calls) and was never judged."""
    (tmp_path / ".vscode").mkdir()
    (tmp_path / ".vscode/tasks.json").write_text("{}\n")
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools/helper.py").symlink_to("../.vscode/tasks.json")
    change = FileChange("tools/helper.py", "create", None, "evil\n", (), "m")
    with pytest.raises(EditFailed, match=r"became a link to \.vscode/tasks\.json after it was checked"):
        write_changes(tmp_path, [change])
    assert (tmp_path / ".vscode/tasks.json").read_text() == "{}\n"


def test_one_file_by_two_names_is_refused(tmp_path: Path) -> None:
    (tmp_path / "real.py").write_text("r = 1\n")
    (tmp_path / "sub").symlink_to(".")
    changes = [modify(tmp_path, "real.py", "r = 1", "r = 2"), modify(tmp_path, "sub/real.py", "r = 1", "r = 3")]
    with pytest.raises(EditFailed):
        write_changes(tmp_path, changes)
    assert (tmp_path / "real.py").read_text() == "r = 1\n"


def test_a_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_changes(tmp_path, [FileChange("pkg/new.py", "create", None, "n = 1\n", (), "m")])
    finally:
        os.umask(umask)
    assert (tmp_path / "pkg/new.py").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize(
    ("link", "target", "message"),
    [
        ("out.py", "../outside/o.py", "resolves to .* outside the workspace"),
        ("cfg", ".git/config", "resolves into .git"),
    ],
)
def test_a_link_that_leaves_the_workspace_or_enters_git_is_refused(
    tmp_path: Path, link: str, target: str, message: str
) -> None:
    root = tmp_path / "ws"
    (root / ".git").mkdir(parents=True)
    (root / ".git/config").write_text("[core]\n")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside/o.py").write_text("o = 1\n")
    (root / link).symlink_to(target)
    change = FileChange(link, "modify", (root / link).read_text(), "changed\n", (), "m")
    with pytest.raises(EditFailed, match=message):
        write_changes(root, [change])
    assert (tmp_path / "outside/o.py").read_text() == "o = 1\n" and (root / ".git/config").read_text() == "[core]\n"
