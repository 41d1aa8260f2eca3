"""Neovim 0.7 (Debian's, headless) runs polyedit.edit through its built-in LSP client; the files on disk after
``:wall`` must be exactly the expected ones, including the file the edit created."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.editors.conftest import require
from tests.editors.scenario import EXPECTED, FILES, INSTRUCTION, make_workspace, on_disk, route
from tests.fakes.anthropic_server import fake_anthropic

SCRIPT = Path(__file__).with_name("nvim_edit.lua")


def run_nvim(root: Path, polyedit: str, env: dict[str, str], tmp_path: Path) -> dict[str, object]:
    result_file = tmp_path / "result.json"
    environment = {
        **os.environ,
        **env,
        "POLYEDIT": polyedit,
        "WS": str(root),
        "OPEN": "app/views.py",
        "INSTRUCTION": INSTRUCTION,
        "RESULT": str(result_file),
        "XDG_STATE_HOME": str(tmp_path / "state"),  # keeps nvim's LSP log out of the user's home
    }
    command = [require("nvim"), "--headless", "--clean", "-u", str(SCRIPT)]
    done = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=400, cwd=root)
    assert done.returncode == 0, f"nvim failed ({done.returncode}):\n{done.stderr[-3000:]}"
    return json.loads(result_file.read_text())  # type: ignore[no-any-return]


def test_three_file_change_with_a_created_file(tmp_path: Path, cache_dir: Path, polyedit_command: str) -> None:
    root = tmp_path / "ws"
    make_workspace(root)
    with fake_anthropic(route) as (url, state):
        env = {"ANTHROPIC_API_KEY": "sk-ant-test", "ANTHROPIC_BASE_URL": url, "POLYEDIT_CACHE_DIR": str(cache_dir)}
        reply = run_nvim(root, polyedit_command, env, tmp_path)
    assert reply["error"] is None, reply
    result = reply["result"]
    assert isinstance(result, dict) and result["applied"] is True, result
    assert sorted(result["files"]) == sorted(EXPECTED)
    assert reply["asked"] == [
        f"PolyEdit will change 3 files for '{INSTRUCTION}': app/users.py (not mentioned), app/views.py, "
        "app/consts.py (new). Apply?"
    ]
    assert on_disk(root) == EXPECTED
    assert len(state.requests) == 4  # one plan, three generate calls


def test_declining_the_question_changes_nothing(tmp_path: Path, cache_dir: Path, polyedit_command: str) -> None:
    root = tmp_path / "ws"
    make_workspace(root)
    with fake_anthropic(route) as (url, _):
        env = {
            "ANTHROPIC_API_KEY": "sk-ant-test",
            "ANTHROPIC_BASE_URL": url,
            "POLYEDIT_CACHE_DIR": str(cache_dir),
            "ANSWER": "Cancel",
        }
        reply = run_nvim(root, polyedit_command, env, tmp_path)
    result = reply["result"]
    assert isinstance(result, dict) and result["applied"] is False
    assert result["reason"] == "declined: nothing was changed"
    assert on_disk(root) == FILES
