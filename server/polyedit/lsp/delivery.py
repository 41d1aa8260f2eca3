"""FileChanges -> one ``WorkspaceEdit`` shaped to the client's declared capabilities. Pure conversion, no I/O."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path

from polyedit.apply.edits import minimal_edits
from polyedit.apply.types import Encoding
from polyedit.pipeline.paths import is_control_change
from polyedit.pipeline.types import FileChange


@dataclass(frozen=True)
class Review:
    """How one kind of file is shown for review: a change annotation, and whether it starts unchecked (risky)."""

    annotation_id: str
    label: str
    risky: bool
    note: str  # how the kind is named in a yes/no question

    def annotation(self, description: str) -> types.ChangeAnnotation:
        return types.ChangeAnnotation(label=self.label, needs_confirmation=self.risky, description=description)


# The confirmation policy, in one place. A multi-file edit is only correct whole, so what the plan changes or creates
# starts checked in VS Code's Refactor Preview; only what can do harm beyond the edit starts unchecked: deletions,
# and control files or manifest scripts (pipeline/paths.py), which can run code or change what the user's tools do.
PLANNED = Review("polyedit.planned", "PolyEdit: planned change", risky=False, note="")
NEW = Review("polyedit.new", "PolyEdit: new file", risky=False, note="new")
DELETION = Review("polyedit.deletion", "PolyEdit: deletion (review)", risky=True, note="deleted")
CONTROL = Review("polyedit.control", "PolyEdit: control file (review)", risky=True, note="control file")
# VS Code opens its preview only when some entry needs confirmation, and no API lets an extension ask for it. When
# every entry starts checked, one entry that changes nothing, checked or not, opens it (``_open_preview``).
OPEN_PREVIEW = Review("polyedit.review", "PolyEdit: review before applying", risky=True, note="")
OPEN_PREVIEW_DESCRIPTION = "changes nothing; shown so that the whole edit opens here for review"


def review_of(change: FileChange) -> Review:
    if is_control_change(change.path, change.old_text, change.new_text):
        return CONTROL
    if change.action == "delete":
        return DELETION
    return NEW if change.action == "create" else PLANNED


def must_confirm(changes: Sequence[FileChange], review_every_edit: bool) -> bool:
    """Whether the user is asked before the edit lands: always when it holds a risky file, else when the policy says."""
    return review_every_edit or any(review_of(c).risky for c in changes)


@dataclass(frozen=True)
class Quirks:
    """What a client does beyond, or differently from, what its capabilities declare (seen in the real editor)."""

    undeclared_document_changes: bool = False  # applies documentChanges and create/delete without declaring them
    blank_line_after_created_text: bool = False  # an insert into a new, empty buffer leaves an extra empty line
    preview_hides_noop_create: bool = False  # its preview leaves out creating an existing file with ignoreIfExists


# Matched against clientInfo.name from initialize. Neovim 0.7.2, see ../shared/clients-notes.md: it applies
# documentChanges without declaring them, and its empty buffer already holds one line, so text inserted into a new
# file gains a trailing blank line unless the edit reaches past the last line (its apply_text_edits then drops it).
# VS Code (clientInfo.name is its product name; code-server's is "code-server"): seen in tests/editors/test_vscode.py.
_VSCODE = Quirks(preview_hides_noop_create=True)
CLIENT_QUIRKS = {
    "Neovim": Quirks(undeclared_document_changes=True, blank_line_after_created_text=True),
    "Visual Studio Code": _VSCODE,
    "Visual Studio Code - Insiders": _VSCODE,
    "code-server": _VSCODE,
    "VSCodium": _VSCODE,
}


Operation = types.TextDocumentEdit | types.CreateFile | types.RenameFile | types.DeleteFile


class CannotDeliver(Exception):
    """The client cannot receive this edit (e.g. it cannot create files); the message says what is missing."""


def build_workspace_edit(
    root: Path,
    changes: Sequence[FileChange],
    version_of: Callable[[str], int | None],
    capabilities: types.ClientCapabilities,
    encoding: Encoding,
    review_every_edit: bool = True,
    client_name: str = "",
) -> types.WorkspaceEdit:
    """``version_of(uri)`` is the version the server last saw for an open document, None for closed ones.

    With change annotations, every entry is annotated by its kind (``review_of``); ``review_every_edit`` makes the
    preview open even when no entry is risky."""
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
        return review_of(change).annotation_id if annotations_ok else None

    if not document_changes:
        plain: dict[str, list[types.TextEdit]] = {}
        for change in changes:
            uri = _uri(root, change.path)
            plain[uri] = _text_edits(change.old_text or "", change.new_text or "", encoding, None)  # type: ignore[assignment]
        return types.WorkspaceEdit(changes=plain)

    operations: list[Operation] = []
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
    if not annotations_ok:
        return types.WorkspaceEdit(document_changes=operations)
    kinds = list(dict.fromkeys(review_of(c) for c in changes))
    if review_every_edit and not any(kind.risky for kind in kinds):
        _open_preview(root, changes, operations, quirks)
        kinds.append(OPEN_PREVIEW)
    annotations = {kind.annotation_id: kind.annotation(_description(kind, changes)) for kind in kinds}
    return types.WorkspaceEdit(document_changes=operations, change_annotations=annotations)


def _open_preview(root: Path, changes: Sequence[FileChange], operations: list[Operation], quirks: Quirks) -> None:
    """Add an entry that needs confirmation and changes nothing: in VS Code "create a file that exists, ignoring it
    if it does" (its preview leaves it out of the tree); elsewhere, or when the edit only creates files, an empty
    insertion in the first document, which no client can get wrong (a client that ignored ignoreIfExists would
    empty the file)."""
    existing = next((c for c in changes if c.action == "modify"), None)
    if existing is not None and quirks.preview_hides_noop_create:
        options = types.CreateFileOptions(ignore_if_exists=True)  # overwrite stays unset: a no-op on an existing file
        uri = _uri(root, existing.path)
        operations.append(types.CreateFile(uri=uri, options=options, annotation_id=OPEN_PREVIEW.annotation_id))
        return
    start = types.Position(line=0, character=0)
    empty = types.AnnotatedTextEdit(
        range=types.Range(start=start, end=start), new_text="", annotation_id=OPEN_PREVIEW.annotation_id
    )
    first = next(op for op in operations if isinstance(op, types.TextDocumentEdit))
    first.edits = [empty, *first.edits]


def _description(kind: Review, changes: Sequence[FileChange]) -> str:
    """VS Code groups the preview by label and shows one description per group: every file's intent, in order."""
    if kind is OPEN_PREVIEW:
        return OPEN_PREVIEW_DESCRIPTION
    intents = [f"{c.path}: {c.intent}" if c.intent else c.path for c in changes if review_of(c) is kind]
    return "; ".join(intents)


def annotations_supported(capabilities: types.ClientCapabilities) -> bool:
    workspace_caps = capabilities.workspace.workspace_edit if capabilities.workspace else None
    return bool(workspace_caps and workspace_caps.change_annotation_support)


def confirmation_question(instruction: str, changes: Sequence[FileChange]) -> str:
    """For clients without a preview: what will change, risky files first, before it changes."""
    ordered = sorted(changes, key=lambda c: not review_of(c).risky)
    notes = [(c.path, review_of(c).note) for c in ordered]
    files = ", ".join(f"{path} ({note})" if note else path for path, note in notes)
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
