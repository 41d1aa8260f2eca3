"""Run traces: a readable JSON file per run in the cache directory, and ``last.json`` beside them."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from polyedit.config import Settings
from polyedit.pipeline.types import RunTrace


def save_trace(settings: Settings, trace: RunTrace) -> Path:
    folder = settings.cache_path() / "runs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"run-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.json"
    path.write_text(json.dumps(trace.to_json(), indent=2), encoding="utf-8")
    (folder / "last.json").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return path
