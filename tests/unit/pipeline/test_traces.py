"""Run traces are private to the user, keep no secret, and do not pile up."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from polyedit.config import Settings
from polyedit.pipeline.traces import save_trace
from polyedit.pipeline.types import RunTrace


def test_traces_are_private_masked_and_rotated(tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path), keep_traces=3)
    saved = []
    for n in range(5):
        trace = RunTrace(f'run {n}: set DATABASE_PASSWORD = "hunter2hunter2" in settings')
        trace.handoffs["edit_plan"] = {"summary": f"plan {n}"}
        saved.append(save_trace(settings, trace))
    runs = tmp_path / "runs"
    kept = sorted(p.name for p in runs.glob("run-*.json"))
    assert kept == sorted(p.name for p in saved[-3:])  # the newest three
    for path in [*runs.glob("run-*.json"), runs / "last.json"]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert "hunter2hunter2" not in path.read_text()
    assert stat.S_IMODE(runs.stat().st_mode) == 0o700
    last = json.loads((runs / "last.json").read_text())
    assert last["handoffs"]["edit_plan"]["summary"] == "plan 4" and "«secret-1»" in last["instruction"]
