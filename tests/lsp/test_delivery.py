"""WorkspaceEdit shaping under real client capability sets (pytest-lsp ships VS Code's and Neovim's)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from polyedit.lsp.delivery import CONFIRM, PLAIN, CannotDeliver, build_workspace_edit
from polyedit.pipeline.types import FileChange
from pytest_lsp import client_capabilities

ROOT = Path("/ws")
MODIFY = FileChange("a.py", "modify", "x = 1\n", "x = 2\n", (), "m")
CREATE = FileChange("new.py", "create", None, "y = 1\n", (), "m")
DELETE = FileChange("old.py", "delete", "z = 1\n", None, (), "m")
CI = FileChange(".github/workflows/ci.yml", "modify", "a: 1\n", "a: 2\n", (), "m")


def build(caps: types.ClientCapabilities, changes: list[FileChange], **kw: object) -> types.WorkspaceEdit:
    versions = {"file:///ws/a.py": 7}
    args = {"mentioned": {"a.py"}, "confirm_policy": True, **kw}
    return build_workspace_edit(ROOT, changes, versions.get, caps, "utf-16", **args)  # type: ignore[arg-type]


def test_vscode_gets_versioned_document_changes_with_annotations() -> None:
    edit = build(client_capabilities("visual-studio-code"), [MODIFY, CREATE, DELETE])
    modify, create, create_text, delete = edit.document_changes  # type: ignore[misc]
    assert modify.text_document.version == 7 and modify.edits[0].annotation_id == PLAIN  # mentioned, open
    assert (
        isinstance(create, types.CreateFile) and create.annotation_id == CONFIRM and create.options.overwrite is False
    )
    assert create_text.text_document.version is None and create_text.edits[0].new_text == "y = 1\n"
    assert isinstance(delete, types.DeleteFile) and delete.annotation_id == CONFIRM
    assert edit.change_annotations[CONFIRM].needs_confirmation is True  # type: ignore[index]


def test_policy_off_still_confirms_control_files() -> None:
    edit = build(client_capabilities("visual-studio-code"), [CREATE, CI], confirm_policy=False)
    create, _, ci = edit.document_changes  # type: ignore[misc]
    assert create.annotation_id == PLAIN and ci.edits[0].annotation_id == CONFIRM


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
    vscode = build(client_capabilities("visual-studio-code"), [CREATE])
    assert vscode.document_changes[1].edits[0].range.end == types.Position(line=0, character=0)  # type: ignore[index,union-attr]
