"""Every path a model names is checked on its real path before anything is read or delivered."""

from __future__ import annotations

import os
from pathlib import PurePosixPath

from polyedit.index.files import Workspace
from polyedit.pipeline.types import EditFailed

CONFIRM_ALWAYS = (".vscode/", ".github/", ".git/hooks/", ".envrc", ".idea/", ".devcontainer/")


def checked_path(workspace: Workspace, raw: str, phase: str) -> str:
    """The workspace-relative path for ``raw``, or ``EditFailed`` naming why it may not be touched."""
    if not isinstance(raw, str) or not raw.strip():
        raise EditFailed(phase, "the model named an empty path")
    text = raw.strip().replace("\\", "/")
    posix = PurePosixPath(text)
    if posix.is_absolute() or os.path.isabs(text):
        raise EditFailed(phase, f"'{raw}' is an absolute path; only workspace-relative paths may be edited")
    if ".." in posix.parts:
        raise EditFailed(phase, f"'{raw}' leaves the workspace")
    rel = posix.as_posix()
    reason = workspace.exclusion_reason(rel)
    if reason is not None:
        raise EditFailed(phase, f"'{rel}' may not be edited ({reason})")
    return rel


def needs_confirmation(rel: str) -> bool:
    """Editor, agent and CI control files always need the user's confirmation."""
    return (
        rel.startswith(CONFIRM_ALWAYS)
        or rel in {p.rstrip("/") for p in CONFIRM_ALWAYS}
        or rel.endswith(".code-workspace")
    )
