"""Every model-named path is judged on its real path: a table of hostile paths, and a fuzz test that the write
target of any accepted path lies inside the workspace and outside .git."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polyedit.index.files import Workspace
from polyedit.pipeline.paths import checked_path, is_control_file
from polyedit.pipeline.types import EditFailed

from tests.security_cases import HOSTILE_PATHS, make_hostile_workspace


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    base = tmp_path_factory.mktemp("hostile")
    make_hostile_workspace(base / "ws", base / "outside")
    return Workspace(base / "ws")


@pytest.mark.parametrize(("path", "action", "words"), HOSTILE_PATHS, ids=[repr(p[0][:40]) for p in HOSTILE_PATHS])
def test_hostile_paths_are_refused_with_a_reason(hostile: Workspace, path: str, action: str, words: str) -> None:
    with pytest.raises(EditFailed) as refused:
        checked_path(hostile, path, "plan")
    assert words in refused.value.reason and refused.value.phase == "plan"
    assert not (hostile.root / "~").exists() and not (hostile.root / "C:").exists()


@pytest.mark.parametrize(
    ("path", "resolved"),
    [
        ("app/users.py", "app/users.py"),
        ("./app//users.py", "app/users.py"),
        ("app\\users.py", "app/users.py"),
        ("app/new dir/ünïcode.py", "app/new dir/ünïcode.py"),
        ("docs/github.md", "docs/github.md"),
    ],
)
def test_ordinary_paths_resolve_to_their_workspace_path(hostile: Workspace, path: str, resolved: str) -> None:
    assert checked_path(hostile, path, "plan") == resolved


def test_a_link_inside_the_workspace_is_judged_and_edited_as_its_target(tmp_path: Path) -> None:
    (tmp_path / ".vscode").mkdir()
    (tmp_path / ".vscode/settings.json").write_text("{}\n")
    (tmp_path / "innocent.json").symlink_to(".vscode/settings.json")
    rel = checked_path(Workspace(tmp_path), "innocent.json", "plan")
    assert rel == ".vscode/settings.json" and is_control_file(rel)


SEGMENTS = st.one_of(
    st.sampled_from(["..", ".", ".git", ".GIT", "~", "C:", "", "app", "linkdir", "awsdir", "notes.txt", "con"]),
    st.text(st.characters(codec="utf-8", exclude_characters="/\\"), min_size=1, max_size=12),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(segments=st.lists(SEGMENTS, min_size=1, max_size=6), separator=st.sampled_from(["/", "\\"]))
def test_any_accepted_path_writes_inside_the_workspace_and_outside_git(
    hostile: Workspace, segments: list[str], separator: str
) -> None:
    raw = separator.join(segments)
    try:
        rel = checked_path(hostile, raw, "plan")
    except EditFailed:
        return
    target = Path(os.path.realpath(hostile.root / rel))
    inside = target.relative_to(hostile.root)  # raises if outside
    assert ".git" not in [p.lower() for p in inside.parts]
    assert rel == inside.as_posix()
