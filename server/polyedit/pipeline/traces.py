"""Run traces: a readable JSON file per run in the cache directory, and ``last.json`` beside them.

Traces are the user's own record, so they are private to the user (mode 0600 in a 0700 folder), keep no secret
(what they hold comes from the masked index, and every string is masked once more), and only the newest
``keep_traces`` runs are kept.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from polyedit.config import Settings
from polyedit.index.secrets import mask
from polyedit.pipeline.types import RunTrace


def save_trace(settings: Settings, trace: RunTrace) -> Path:
    folder = settings.cache_path() / "runs"
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    text = json.dumps(_masked(trace.to_json()), indent=2)
    path = folder / f"run-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6:06d}.json"
    for target in (path, folder / "last.json"):
        _write_private(target, text)
    _rotate(folder, settings.keep_traces)
    return path


def _masked(value: Any) -> Any:
    """Every string in the trace with its secrets masked (before JSON escapes the quotes detectors look for)."""
    if isinstance(value, str):
        return mask("trace.txt", value).text
    if isinstance(value, dict):
        return {key: _masked(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_masked(item) for item in value]
    return value


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # an older file may have been created with a wider mode
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def _rotate(folder: Path, keep: int) -> None:
    runs = sorted(folder.glob("run-*.json"), key=lambda p: p.stat().st_mtime_ns)
    for old in runs[: max(len(runs) - keep, 0)]:
        old.unlink(missing_ok=True)
