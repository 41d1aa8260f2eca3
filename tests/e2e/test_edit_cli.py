"""``polyedit edit`` as a user runs it: a subprocess with the real SDK talking to the loopback Messages API."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.fakes.anthropic_server import Reply, fake_anthropic
from tests.unit.pipeline.test_run import FILES, PLAN, RENAMED, SKETCHES, file_of


def polyedit(root: Path, cache: Path, *args: str, url: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANTHROPIC_")}
    env |= {"POLYEDIT_CACHE_DIR": str(cache)}
    if url:
        env |= {"ANTHROPIC_API_KEY": "sk-ant-test", "ANTHROPIC_BASE_URL": url}
    return subprocess.run(
        [sys.executable, "-m", "polyedit.cli", "edit", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def make(root: Path) -> None:
    for rel, text in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)


def route(body: dict) -> Reply:  # type: ignore[type-arg]
    path = file_of(body)
    if path is None:
        return Reply.tool("submit_plan", PLAN)
    return Reply.tool("edit_file", {"path": path, "sketch": SKETCHES[path]})


def test_edit_prints_plan_diff_and_cost_then_writes(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    make(root)
    with fake_anthropic(route) as (url, _):
        shown = polyedit(root, tmp_path / "cache", "rename fetch_user to load_user", url=url)
        assert shown.returncode == 0, shown.stderr
        assert "Plan: Rename fetch_user" in shown.stdout and "+def load_user(uid):" in shown.stdout
        assert "Cost per phase:" in shown.stdout and "generate" in shown.stdout
        assert all((root / rel).read_text() == text for rel, text in FILES.items())  # nothing written yet
        written = polyedit(root, tmp_path / "cache", "rename fetch_user to load_user", "--write", url=url)
    assert written.returncode == 0, written.stderr
    assert {rel: (root / rel).read_text() for rel in FILES} == RENAMED
    trace = json.loads((tmp_path / "cache" / "runs" / "last.json").read_text())
    assert trace["outcome"] == "delivered" and trace["handoffs"]["edit_plan"]["facts"]
    assert "sk-ant-test" not in json.dumps(trace)


def test_failure_changes_nothing_and_says_why(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    make(root)
    bad_plan = {**PLAN, "files": [*PLAN["files"], {"path": "../escape.py", "action": "create", "intent": "x"}]}
    with fake_anthropic(lambda body: Reply.tool("submit_plan", bad_plan)) as (url, _):
        done = polyedit(root, tmp_path / "cache", "rename", "--write", url=url)
    assert done.returncode == 1 and "leaves the workspace" in done.stderr and "nothing changed" in done.stderr
    assert all((root / rel).read_text() == text for rel, text in FILES.items())


def test_without_a_key_it_says_how_to_set_it(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    make(root)
    done = polyedit(root, tmp_path / "cache", "rename")
    assert done.returncode == 1 and "export ANTHROPIC_API_KEY" in done.stderr and "search and apply" in done.stderr
