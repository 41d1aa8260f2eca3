"""Every path a model names is checked on its real path before anything is read or delivered (the trust model in
ARCHITECTURE.md); which paths are control files."""

from __future__ import annotations

import json
import os
import re
import tomllib
from pathlib import Path, PurePosixPath
from typing import Any

from polyedit.index.files import Workspace
from polyedit.pipeline.types import EditFailed

# Control files: what an editor, an agent, CI, git or a test runner reads as configuration or runs as code. An edit
# to one can run code on the user's machine or change what tools do, so it never lands without the user's explicit
# yes. Matched on every path component, case-insensitively (sub/.vscode/tasks.json counts too).
CONTROL_DIRS = frozenset(
    {
        ".vscode", ".idea", ".devcontainer", ".github", ".gitlab", ".circleci", ".buildkite", ".husky", ".githooks",
        ".git", ".cursor", ".claude", ".continue", ".aider", ".roo", ".windsurf", ".zed", ".helix", ".nvim",
        ".gemini", ".amazonq", ".yarn",
    }
)  # fmt: skip
CONTROL_NAMES = frozenset(
    {
        ".envrc", ".gitattributes", ".gitmodules", ".gitlab-ci.yml", ".travis.yml", "azure-pipelines.yml",
        "jenkinsfile", ".pre-commit-config.yaml", ".cursorrules", ".windsurfrules", ".clinerules", ".aider.conf.yml",
        "claude.md", "agents.md", "gemini.md", ".mcp.json", ".devcontainer.json", ".nvim.lua", ".nvimrc", ".exrc",
        "conftest.py", "pytest.ini", ".pytest.ini", "tox.ini", "noxfile.py", "setup.cfg", "lefthook.yml",
        "bitbucket-pipelines.yml", ".yarnrc", ".yarnrc.yml", ".npmrc", "polyedit.toml", ".polyeditignore",
    }
)  # fmt: skip
CONTROL_SUFFIXES = (".code-workspace",)


MAX_PATH_CHARS = 4096
MAX_NAME_BYTES = 255
_DRIVE_OR_UNC = re.compile(r"^([A-Za-z]:|//)")
# Device names Windows reserves in any directory and with any extension: a file by that name cannot be opened there.
_WINDOWS_DEVICES = frozenset({"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in range(1, 10)})


def checked_path(workspace: Workspace, raw: str, phase: str) -> str:
    """The workspace-relative real path for ``raw`` (a link is followed to its target), or ``EditFailed`` naming why
    it may not be touched. Refused: empty, NUL, over-long, home (``~``), drive and network paths, absolute paths,
    ``..``, Windows device names, anything in or named ``.git``, and what the workspace excludes (secrets, ignored
    files) judged on the real path."""
    if not isinstance(raw, str) or not raw.strip():
        raise EditFailed(phase, "the model named an empty path")
    shown = raw[:120] + ("…" if len(raw) > 120 else "")
    if "\0" in raw:
        raise EditFailed(phase, f"{shown!r} contains a NUL character")
    if len(raw) > MAX_PATH_CHARS:
        raise EditFailed(phase, f"a path of {len(raw)} characters was named; the limit is {MAX_PATH_CHARS}")
    text = raw.strip().replace("\\", "/")
    if text.startswith("~"):
        raise EditFailed(phase, f"'{shown}' names a home directory; only workspace-relative paths may be edited")
    if _DRIVE_OR_UNC.match(text):
        raise EditFailed(phase, f"'{shown}' is a drive or network path; only workspace-relative paths may be edited")
    posix = PurePosixPath(text)
    if posix.is_absolute() or os.path.isabs(text):
        raise EditFailed(phase, f"'{shown}' is an absolute path; only workspace-relative paths may be edited")
    if ".." in posix.parts:
        raise EditFailed(phase, f"'{shown}' leaves the workspace")
    _check_names(posix, shown, phase)
    real = os.path.realpath(workspace.root / posix)
    try:
        rel = Path(real).relative_to(workspace.root).as_posix()
    except ValueError:
        raise EditFailed(phase, f"'{shown}' resolves outside the workspace (through a link)") from None
    if rel != posix.as_posix():
        _check_names(PurePosixPath(rel), f"{shown} -> {rel}", phase)
    reason = workspace.exclusion_reason(rel)
    if reason is not None:
        raise EditFailed(phase, f"'{rel}' may not be edited ({reason})")
    return rel


_WINDOWS_ALIAS = re.compile(r"[. ]$|:|~\d")  # 'x.' and 'x ' open 'x'; 'a::$DATA' is a stream; 'GIT~1' a short name


def _check_names(path: PurePosixPath, shown: str, phase: str) -> None:
    for name in path.parts:
        if name not in (".", "..") and _WINDOWS_ALIAS.search(name):
            raise EditFailed(phase, f"'{shown}' uses '{name}', which Windows reads as another name")
        if len(name.encode("utf-8")) > MAX_NAME_BYTES:
            raise EditFailed(phase, f"'{shown}' has a name longer than {MAX_NAME_BYTES} bytes")
        if name.lower() == ".git":
            raise EditFailed(phase, f"'{shown}' is in or is a .git entry: git's own files are never edited")
        if name.split(".")[0].lower() in _WINDOWS_DEVICES:
            raise EditFailed(phase, f"'{shown}' uses '{name}', a device name Windows reserves")


def is_control_file(rel: str) -> bool:
    """Editor, agent, CI, git, hook and test-runner configuration: never changed without an explicit yes."""
    parts = [part.lower() for part in PurePosixPath(rel).parts]
    return bool(parts) and (
        bool(CONTROL_DIRS.intersection(parts)) or parts[-1] in CONTROL_NAMES or parts[-1].endswith(CONTROL_SUFFIXES)
    )


# Package manifests are ordinary files, except for the parts that run code: npm runs package.json's scripts on
# install, a build runs pyproject.toml's build backend, and [tool.polyedit] is polyedit's own configuration.
# In pyproject.toml every [tool.*] table counts (pytest's addopts load plugins, hatch and setuptools run build hooks,
# [tool.polyedit] configures polyedit) except those of linters and formatters, which only read code.
_MANIFEST_PARTS: dict[str, tuple[str, tuple[tuple[str, ...], ...]]] = {
    "package.json": ("json", (("scripts",),)),
    "pyproject.toml": ("toml", (("build-system",), ("tool",))),
}
_READ_ONLY_TOOLS = frozenset({"ruff", "black", "isort", "mypy", "pyright", "pylint", "codespell", "coverage"})


def is_control_change(path: str, old_text: str | None, new_text: str | None) -> bool:
    """A control file, or a package manifest whose code-running parts the change alters (unparseable counts)."""
    if is_control_file(path):
        return True
    manifest = _MANIFEST_PARTS.get(PurePosixPath(path).name.lower())
    if manifest is None:
        return False
    syntax, parts = manifest
    try:
        old, new = (_parse(syntax, text) for text in (old_text or "", new_text or ""))
    except ValueError:
        return True
    return any(_part(old, keys) != _part(new, keys) for keys in parts)


def _parse(syntax: str, text: str) -> Any:
    if not text.strip():
        return {}
    try:
        return json.loads(text) if syntax == "json" else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(str(exc)) from exc


def _part(data: Any, keys: tuple[str, ...]) -> Any:
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    if keys == ("tool",):
        tables = data if isinstance(data, dict) else {}
        return {name: table for name, table in tables.items() if name not in _READ_ONLY_TOOLS}
    return data
