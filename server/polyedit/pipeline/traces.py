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
    """A kept edit's workspace root and changes. Raises ValueError saying what is wrong with the file: it is read
    back from disk, so every field is checked before anything is written from it."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise ValueError(f"{path} is not an edit polyedit kept (not JSON: {exc})") from None
    problem = _edit_problem(record)
    if problem:
        raise ValueError(f"{path} is not an edit polyedit kept: {problem}")
    changes = [FileChange(**{**item, "checks": tuple(item["checks"])}) for item in record["changes"]]
    return Path(record["root"]), changes


_TEXTS = {"create": (False, True), "modify": (True, True), "delete": (True, False)}  # (old_text, new_text) given


def _edit_problem(record: Any) -> str | None:
    if not isinstance(record, dict) or not isinstance(record.get("changes"), list) or not record["changes"]:
        return "no list of changes"
    if not isinstance(record.get("root"), str) or not os.path.isabs(record["root"]):
        return "its workspace root is not an absolute path"
    fields = {f.name for f in dataclasses.fields(FileChange)}
    for number, item in enumerate(record["changes"], start=1):
        if not isinstance(item, dict) or set(item) != fields:
            return f"change {number} does not have the fields {', '.join(sorted(fields))}"
        texts = _TEXTS.get(item["action"]) if isinstance(item["action"], str) else None
        if texts is None:
            return f"change {number} has the action {item['action']!r}"
        for name, given in zip(("old_text", "new_text"), texts, strict=True):
            if not (isinstance(item[name], str) if given else item[name] is None):
                return f"change {number} ({item['action']}) must {'have' if given else 'not have'} a {name}"
        strings = [item["path"], item["model"], item["tier"], item["intent"]]
        checks = item["checks"]
        if (
            not all(isinstance(v, str) for v in strings)
            or not isinstance(checks, list)
            or not all(isinstance(c, str) for c in checks)
        ):
            return f"change {number} has a field of the wrong type"
    return None


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
    def age(path: Path) -> int:
        try:
            return path.stat().st_mtime_ns
        except OSError:  # another polyedit process rotated it away meanwhile
            return -1

    runs = sorted(folder.glob(pattern), key=age)
    for old in runs[: max(len(runs) - keep, 0)]:
        old.unlink(missing_ok=True)
