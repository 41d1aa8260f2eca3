"""FileChanges -> one ``WorkspaceEdit`` shaped to the client's declared capabilities. Pure conversion, no I/O."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path

from polyedit.apply.edits import minimal_edits
from polyedit.apply.types import Encoding
from polyedit.pipeline.paths import needs_confirmation
from polyedit.pipeline.types import FileChange

CONFIRM = "polyedit.confirm"
PLAIN = "polyedit.change"


@dataclass(frozen=True)
class Quirks:
    """What a client does beyond, or differently from, what its capabilities declare (seen in the real editor)."""

    undeclared_document_changes: bool = False  # applies documentChanges and create/delete without declaring them
    blank_line_after_created_text: bool = False  # an insert into a new, empty buffer leaves an extra empty line


# Matched against clientInfo.name from initialize. Neovim 0.7.2, see ../shared/clients-notes.md: it applies
# documentChanges without declaring them, and its empty buffer already holds one line, so text inserted into a new
# file gains a trailing blank line unless the edit reaches past the last line (its apply_text_edits then drops it).
CLIENT_QUIRKS = {"Neovim": Quirks(undeclared_document_changes=True, blank_line_after_created_text=True)}


class CannotDeliver(Exception):
    """The client cannot receive this edit (e.g. it cannot create files); the message says what is missing."""


def build_workspace_edit(
    root: Path,
    changes: Sequence[FileChange],
    version_of: Callable[[str], int | None],
    capabilities: types.ClientCapabilities,
    encoding: Encoding,
    mentioned: set[str],
    confirm_policy: bool = True,
    client_name: str = "",
) -> types.WorkspaceEdit:
    """``version_of(uri)`` is the version the server last saw for an open document, None for closed ones."""
    workspace_caps = capabilities.workspace.workspace_edit if capabilities.workspace else None
    document_changes = bool(workspace_caps and workspace_caps.document_changes)
    resource_ops = set(workspace_caps.resource_operations or []) if workspace_caps else set()
    quirks = CLIENT_QUIRKS.get(client_name, Quirks())
    if quirks.undeclared_document_changes:
        document_changes = True
        resource_ops |= {types.ResourceOperationKind.Create, types.ResourceOperationKind.Delete}
    annotations_ok = annotations_supported(capabilities)
    needs_ops = any(c.action in ("create", "delete") for c in changes)
    if needs_ops and not document_changes:
        raise CannotDeliver("the editor cannot receive file creations or deletions over LSP (no documentChanges)")
    for action, op in (("create", types.ResourceOperationKind.Create), ("delete", types.ResourceOperationKind.Delete)):
        if any(c.action == action for c in changes) and op not in resource_ops:
            raise CannotDeliver(f"the editor does not accept '{action}' file operations over LSP")

    def annotation(change: FileChange) -> str | None:
        if not annotations_ok:
            return None
        return CONFIRM if must_confirm(change, mentioned, confirm_policy) else PLAIN

    if not document_changes:
        plain: dict[str, list[types.TextEdit]] = {}
        for change in changes:
            uri = _uri(root, change.path)
            plain[uri] = _text_edits(change.old_text or "", change.new_text or "", encoding, None)  # type: ignore[assignment]
        return types.WorkspaceEdit(changes=plain)

    operations: list[types.TextDocumentEdit | types.CreateFile | types.RenameFile | types.DeleteFile] = []
    for change in changes:
        uri, note = _uri(root, change.path), annotation(change)
        if change.action == "delete":
            delete_options = types.DeleteFileOptions(recursive=False, ignore_if_not_exists=False)
            operations.append(types.DeleteFile(uri=uri, options=delete_options, annotation_id=note))
            continue
        if change.action == "create":
            create_options = types.CreateFileOptions(overwrite=False, ignore_if_exists=False)
            operations.append(types.CreateFile(uri=uri, options=create_options, annotation_id=note))
        document = types.OptionalVersionedTextDocumentIdentifier(
            uri=uri, version=None if change.action == "create" else version_of(uri)
        )
        edits = _text_edits(change.old_text or "", change.new_text or "", encoding, note)
        if change.action == "create" and quirks.blank_line_after_created_text and edits:
            edits[0].range.end = types.Position(line=1, character=0)  # past the end of the empty document
        operations.append(types.TextDocumentEdit(text_document=document, edits=edits))
    annotations = None
    if annotations_ok:
        annotations = {
            CONFIRM: types.ChangeAnnotation(
                label="PolyEdit: review", needs_confirmation=True, description="new, deleted or unmentioned files"
            ),
            PLAIN: types.ChangeAnnotation(label="PolyEdit", needs_confirmation=False),
        }
    return types.WorkspaceEdit(document_changes=operations, change_annotations=annotations)


def must_confirm(change: FileChange, mentioned: set[str], confirm_policy: bool) -> bool:
    """Editor, agent and CI control files always; new, deleted and unmentioned files when the policy is on."""
    if needs_confirmation(change.path):
        return True
    return confirm_policy and (change.action != "modify" or change.path not in mentioned)


def annotations_supported(capabilities: types.ClientCapabilities) -> bool:
    workspace_caps = capabilities.workspace.workspace_edit if capabilities.workspace else None
    return bool(workspace_caps and workspace_caps.change_annotation_support)


def confirmation_question(instruction: str, changes: Sequence[FileChange], mentioned: set[str]) -> str:
    """For clients without change annotations: what will change, in words, before it changes."""

    def describe(change: FileChange) -> str:
        if change.action != "modify":
            return f"{change.path} ({'new' if change.action == 'create' else 'deleted'})"
        return change.path if change.path in mentioned else f"{change.path} (not mentioned)"

    files = ", ".join(describe(c) for c in changes)
    return f"PolyEdit will change {len(changes)} files for '{instruction[:80]}': {files}. Apply?"


def _text_edits(
    old: str, new: str, encoding: Encoding, note: str | None
) -> list[types.TextEdit | types.AnnotatedTextEdit]:
    out: list[types.TextEdit | types.AnnotatedTextEdit] = []
    for edit in minimal_edits(old, new, encoding):
        rng = types.Range(
            start=types.Position(line=edit.start_line, character=edit.start_character),
            end=types.Position(line=edit.end_line, character=edit.end_character),
        )
        if note is None:
            out.append(types.TextEdit(range=rng, new_text=edit.new_text))
        else:
            out.append(types.AnnotatedTextEdit(range=rng, new_text=edit.new_text, annotation_id=note))
    return out


def _uri(root: Path, rel: str) -> str:
    return from_fs_path(str(root / rel)) or ""
