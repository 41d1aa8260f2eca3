"""Writing an edit: all files or none, control files only on an explicit yes; and ``polyedit write``, which writes
an edit a run kept (``pipeline/traces.save_edit``) without running the models again, after the same checks."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from polyedit.config import Settings, load_workspace_settings
from polyedit.index.files import Workspace
from polyedit.pipeline.paths import checked_path, is_control_change
from polyedit.pipeline.traces import load_edit, save_edit
from polyedit.pipeline.types import EditFailed, FileChange
from polyedit.pipeline.writes import as_pipeline_reads, write_changes


def run_write(path: Path, yes_control_files: bool) -> int:
    """``polyedit write EDIT``: every path is checked again as the run checked it (inside the workspace, not a
    secret or ignored file, not in ``.git``), each file must still hold what the run read, control files need a
    yes; once written, the kept copy (which holds unmasked text) is deleted."""
    try:
        root, changes = load_edit(path)
    except ValueError as exc:
        print(f"polyedit: {exc}", file=sys.stderr)
        return 1
    if not root.is_dir():
        print(f"polyedit: the edit's workspace {root} is not a directory now; nothing was written", file=sys.stderr)
        return 1
    settings = load_workspace_settings(root)
    workspace = Workspace(root, settings.max_file_size_bytes)
    try:
        for change in changes:
            if checked_path(workspace, change.path, "write") != change.path:
                raise EditFailed("write", f"{change.path} now leads to another file (a link); nothing was written")
    except EditFailed as failure:
        print(f"polyedit: {failure}", file=sys.stderr)
        return 1
    if all(_written(workspace.root, change) for change in changes):
        path.unlink(missing_ok=True)
        print(f"polyedit: this edit is already written in {root}", file=sys.stderr)
        return 0
    print(f"polyedit: writing {len(changes)} files in {root}: {', '.join(c.path for c in changes)}", file=sys.stderr)
    problem = write_edit(workspace.root, changes, yes_control_files)
    if problem is not None:
        print(f"polyedit: {problem}", file=sys.stderr)
        return 1
    path.unlink(missing_ok=True)
    print(f"polyedit: wrote {len(changes)} files", file=sys.stderr)
    return 0


def write_edit(root: Path, changes: list[FileChange], yes_control_files: bool) -> str | None:
    """Write every change or none; the reason nothing was written, or None."""
    refusal = None if yes_control_files else confirm_control_files(changes)
    if refusal:
        return refusal
    try:
        write_changes(root, changes)
    except EditFailed as failure:
        return str(failure)
    return None


def confirm_control_files(changes: list[FileChange]) -> str | None:
    """Control files are written only on an explicit yes: asked on a terminal, ``--yes-control-files`` otherwise.
    The reason nothing was written, or None to go on."""
    control = [c.path for c in changes if is_control_change(c.path, c.old_text, c.new_text)]
    if not control:
        return None
    names = ", ".join(control)
    if sys.stdin.isatty():
        answer = input(f"polyedit: the edit changes control files ({names}), which can run code. Write them? [y/N] ")
        if answer.strip().lower() in ("y", "yes"):
            return None
    return (
        f"the edit changes control files ({names}): editor, agent, CI, git or test-runner configuration can run "
        "code, so nothing was written. Read the diff; to write it anyway, add --yes-control-files"
    )


def keep_edit(settings: Settings, trace_path: Path, root: Path, changes: list[FileChange]) -> Path | None:
    """Keep an edit that was not written; a failure to keep it is told, never raised (the run's work is shown)."""
    try:
        return save_edit(settings, trace_path, root, changes)
    except OSError as exc:
        print(f"polyedit: could not keep the edit in {trace_path.parent}: {exc.strerror or exc}", file=sys.stderr)
        return None


def write_command(kept: Path) -> str:
    return f"'polyedit write {shlex.quote(str(kept))}'"


def _written(root: Path, change: FileChange) -> bool:
    """Whether the file already holds what the change writes."""
    target = root / change.path
    if change.action == "delete":
        return not target.exists() and not target.is_symlink()
    try:
        return as_pipeline_reads(target.read_bytes()) == change.new_text
    except OSError:
        return False
