"""Conversions between LSP values and the core's: URIs to workspace paths, custom-request params."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pygls.uris import to_fs_path

from polyedit.index.files import Workspace


def uri_to_rel(workspace: Workspace, uri: str) -> str | None:
    """The workspace-relative path of a ``file:`` URI, or None for other schemes and paths outside the root."""
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return workspace.relative(Path(path)) if path else None


def field(params: Any, name: str, default: Any = None) -> Any:
    """Read a field of custom-request params, which pygls hands over as a namedtuple (or a dict, or None)."""
    if params is None:
        return default
    if isinstance(params, dict):
        return params.get(name, default)
    return getattr(params, name, default)


def to_plain(value: Any) -> Any:
    """Namedtuples (pygls' view of unknown JSON objects) back to dicts, recursively."""
    if hasattr(value, "_asdict"):
        return {k: to_plain(v) for k, v in value._asdict().items()}
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    return value
