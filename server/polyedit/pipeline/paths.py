"""Every path a model names is checked on its real path before anything is read or delivered."""

from __future__ import annotations

import os
from pathlib import PurePosixPath

from polyedit.index.files import Workspace
from polyedit.pipeline.types import EditFailed

# Control files: what an editor, an agent, CI, git or a test runner reads as configuration or runs as code. An edit
# to one can run code on the user's machine or change what tools do, so it never lands without the user's explicit
# yes. Matched on every path component, case-insensitively (sub/.vscode/tasks.json counts too).
CONTROL_DIRS = frozenset(
    {
        ".vscode", ".idea", ".devcontainer", ".github", ".gitlab", ".circleci", ".buildkite", ".husky", ".githooks",
        ".git", ".cursor", ".claude", ".continue", ".aider", ".roo", ".windsurf", ".zed", ".helix", ".nvim",
    }
)  # fmt: skip
CONTROL_NAMES = frozenset(
    {
        ".envrc", ".gitattributes", ".gitmodules", ".gitlab-ci.yml", ".travis.yml", "azure-pipelines.yml",
        "jenkinsfile", ".pre-commit-config.yaml", ".cursorrules", ".windsurfrules", ".clinerules", ".aider.conf.yml",
        "claude.md", "agents.md", ".nvim.lua", ".nvimrc", ".exrc", "conftest.py", "pytest.ini", "tox.ini",
        "noxfile.py", "polyedit.toml", ".polyeditignore",
    }
)  # fmt: skip
CONTROL_SUFFIXES = (".code-workspace",)


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


def is_control_file(rel: str) -> bool:
    """Editor, agent, CI, git, hook and test-runner configuration: never changed without an explicit yes."""
    parts = [part.lower() for part in PurePosixPath(rel).parts]
    return bool(parts) and (
        bool(CONTROL_DIRS.intersection(parts)) or parts[-1] in CONTROL_NAMES or parts[-1].endswith(CONTROL_SUFFIXES)
    )
