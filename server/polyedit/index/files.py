"""Which files of a workspace polyedit may read: git's ignore rules, a secret deny-list, size and symlink limits.

Every gate (index, retrieval, prompt, apply) asks this module, and every decision is made on the file's real path.
Paths handed around are workspace-relative strings with ``/`` separators.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pathspec

# Applies even when a file is not ignored (and even when a .gitignore re-includes it).
SECRET_PATTERNS = (
    ".env*",
    "*.pem",
    "*.key",
    "*.p12",
    "*.pfx",
    "id_rsa*",
    "id_ed25519*",
    "id_ecdsa*",
    "id_dsa*",
    ".aws/",
    ".ssh/",
    ".kube/",
    ".gnupg/",
    ".docker/config.json",
    ".netrc",
    ".npmrc",
    ".pypirc",
    "*.keystore",
    "*.jks",
    "secrets/",
    "*.sqlite",
    "*.sqlite3",
    "*.db",
    "credentials.json",
    "credentials.y*ml",
    "secrets.y*ml",
    "secrets.json",
    "*service-account*.json",
    "*.tfvars",
    "*.tfstate",
    ".pgpass",
    ".htpasswd",
    "kubeconfig",
    ".git-credentials",
    "deploy_key*",
    ".git/",
)
_DENY = pathspec.GitIgnoreSpec.from_lines(SECRET_PATTERNS)
IGNORE_FILES = (".gitignore", ".polyeditignore")
_BINARY_PROBE_BYTES = 8192


def is_denied(rel_path: str) -> bool:
    """True if the workspace-relative path is on the secret deny-list (or inside ``.git/``), in any letter case:
    on a case-insensitive disk ``.ENV`` is ``.env``."""
    return _DENY.match_file(rel_path.lower())


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


class IgnoreRules:
    """Git-style ignore rules of one workspace: nested ``.gitignore``/``.polyeditignore`` and ``.git/info/exclude``.

    Deeper files override shallower ones; inside a file the last matching pattern wins (so negation works).
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._specs: dict[str, pathspec.GitIgnoreSpec | None] = {}

    def _spec_for(self, rel_dir: str) -> pathspec.GitIgnoreSpec | None:
        if rel_dir not in self._specs:
            lines: list[str] = []
            directory = self.root / rel_dir if rel_dir else self.root
            names = (*IGNORE_FILES, ".git/info/exclude") if not rel_dir else IGNORE_FILES
            for name in names:
                try:
                    lines += (directory / name).read_text(encoding="utf-8", errors="replace").splitlines()
                except OSError:
                    continue
            self._specs[rel_dir] = pathspec.GitIgnoreSpec.from_lines(lines) if lines else None
        return self._specs[rel_dir]

    def invalidate(self, rel_dir: str) -> None:
        self._specs.pop(rel_dir, None)

    def is_ignored(self, rel_path: str, is_dir: bool = False) -> bool:
        """Ignored by the rules of the path's own directories (parents are checked by the walker or by the caller)."""
        parts = rel_path.split("/")
        decision: bool | None = None
        for depth in range(len(parts)):
            spec = self._spec_for("/".join(parts[:depth]))
            if spec is None:
                continue
            sub = "/".join(parts[depth:]) + ("/" if is_dir else "")
            result = spec.check_file(sub)
            if result.include is not None:
                decision = result.include
        return bool(decision)

    def is_path_ignored(self, rel_path: str) -> bool:
        """Like git: a path is ignored when it, or any directory above it, is ignored."""
        parts = rel_path.split("/")
        for depth in range(1, len(parts)):
            if self.is_ignored("/".join(parts[:depth]), is_dir=True):
                return True
        return self.is_ignored(rel_path)


class Workspace:
    """The set of files polyedit indexes in one root, and the reasons others are left out."""

    def __init__(self, root: Path, max_file_size_bytes: int = 1024 * 1024) -> None:
        self.root = root.resolve()
        self.max_file_size_bytes = max_file_size_bytes
        self.rules = IgnoreRules(self.root)

    def relative(self, path: Path) -> str | None:
        """The workspace-relative ``/`` path of ``path`` (not resolved), or None if it lies outside the root."""
        try:
            rel = Path(os.path.abspath(path)).relative_to(self.root)
        except ValueError:
            return None
        return rel.as_posix() if rel.parts else None

    def exclusion_reason(self, rel_path: str) -> str | None:
        """Why a path must not be read (deny-list, ignored, symlink escape), or None when it may be."""
        real = os.path.realpath(self.root / rel_path)
        if real != str(self.root) and not self._below_root(real):
            return "symlink leaves the workspace"
        target = Path(real).relative_to(self.root).as_posix() if real != str(self.root) else ""
        for path in dict.fromkeys((rel_path, target)):  # the name and what it really is
            if path and is_denied(path):
                return "secret deny-list"
            if path and self.rules.is_path_ignored(path):
                return "ignored"
        return None

    def _below_root(self, real: str) -> bool:
        """Whether a real path (symlinks resolved) lies below the workspace root."""
        return real.startswith(str(self.root) + os.sep)

    def walk(self) -> Iterator[str | Skipped]:
        """Yield every indexable relative path, and a ``Skipped`` for files left out for a reason worth telling."""
        for dirpath, dirnames, filenames in os.walk(self.root):
            rel_dir = Path(dirpath).relative_to(self.root).as_posix()
            rel_dir = "" if rel_dir == "." else rel_dir
            kept = []
            for name in sorted(dirnames):
                rel = f"{rel_dir}/{name}" if rel_dir else name
                full = os.path.join(dirpath, name)
                # Git never descends into a symlinked directory; neither do we.
                if os.path.islink(full) or is_denied(rel + "/") or self.rules.is_ignored(rel, is_dir=True):
                    continue
                kept.append(name)
            dirnames[:] = kept
            for name in sorted(filenames):
                rel = f"{rel_dir}/{name}" if rel_dir else name
                if is_denied(rel) or self.rules.is_ignored(rel):
                    continue
                reason = self.file_problem(rel)
                yield Skipped(rel, reason) if reason else rel

    def file_problem(self, rel_path: str) -> str | None:
        """A reason the file cannot be indexed (escape, size, binary, unreadable), or None."""
        real = os.path.realpath(self.root / rel_path)
        if not self._below_root(real):
            return "symlink leaves the workspace"
        target = Path(real).relative_to(self.root).as_posix()
        if target != rel_path and (is_denied(target) or self.rules.is_path_ignored(target)):
            return f"link to {target}, which polyedit may not read"
        try:
            size = os.stat(real).st_size
            if size > self.max_file_size_bytes:
                return f"larger than {self.max_file_size_bytes} bytes"
            with open(real, "rb") as handle:
                if b"\0" in handle.read(_BINARY_PROBE_BYTES):
                    return "binary"
        except OSError as exc:
            return f"unreadable ({exc.strerror or exc})"
        return None

    def read_text(self, rel_path: str) -> tuple[str, bool]:
        """The file's text and whether it was valid UTF-8 (invalid bytes become U+FFFD; nothing is lost on disk)."""
        data = (self.root / rel_path).read_bytes()
        data = data.removeprefix(b"\xef\xbb\xbf")  # a BOM is the file's encoding, not its text (editors agree)
        try:
            return data.decode("utf-8"), True
        except UnicodeDecodeError:
            return data.decode("utf-8", errors="replace"), False
