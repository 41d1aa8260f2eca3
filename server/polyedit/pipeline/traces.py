"""Run traces: a readable JSON file per run in the cache directory, and ``last.json`` beside them; and the edits
a run made but did not write, kept so that ``polyedit write`` can write them later without running the models again.

Traces are the user's own record, so they are private to the user (mode 0600 in a 0700 folder), keep no secret
(what they hold comes from the masked index, and every string is masked once more), and only the newest
``keep_traces`` runs are kept. A kept edit holds the files' texts unmasked (it is meant to be written), is private
the same way, and the newest ``keep_traces`` are kept too.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from pathlib import Path
from typing import Any

from polyedit.config import Settings
from polyedit.index.secrets import mask
from polyedit.pipeline.types import FileChange, RunTrace


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


def save_edit(settings: Settings, trace_path: Path, root: Path, changes: list[FileChange]) -> Path:
    """Keep a run's changes beside its trace (``edit-….json`` for ``run-….json``) and return where."""
    path = trace_path.with_name("edit-" + trace_path.name.removeprefix("run-"))
    record = {"root": str(root.resolve()), "changes": [dataclasses.asdict(change) for change in changes]}
    _write_private(path, json.dumps(record, indent=2))
    _rotate(path.parent, settings.keep_traces, "edit-*.json")
    return path


def load_edit(path: Path) -> tuple[Path, list[FileChange]]:
    """A kept edit's workspace root and changes. Raises ValueError saying what is wrong with the file."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        changes = [FileChange(**{**item, "checks": tuple(item["checks"])}) for item in record["changes"]]
        return Path(record["root"]), changes
    except OSError as exc:
        raise ValueError(f"{path}: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path} is not an edit polyedit kept ({type(exc).__name__}: {exc})") from None


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


def _rotate(folder: Path, keep: int, pattern: str = "run-*.json") -> None:
    runs = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime_ns)
    for old in runs[: max(len(runs) - keep, 0)]:
        old.unlink(missing_ok=True)
