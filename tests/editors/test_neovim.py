"""Neovim 0.7 (Debian's, headless) configured with the README's Neovim block: the <leader>pe keymap and a code
action run polyedit.edit; after ``:wall`` the files on disk must be exactly the expected ones, including the file
the edit created. Neovim has no refactor preview, so the server asks first; the test answers Apply or Cancel."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from tests.editors.conftest import REPO, require
from tests.editors.scenario import EXPECTED, FILES, INSTRUCTION, make_workspace, on_disk, route
from tests.fakes.anthropic_server import fake_anthropic

SCRIPT = Path(__file__).with_name("nvim_edit.lua")
QUESTION = f"PolyEdit will change 3 files for '{INSTRUCTION}': app/users.py, app/views.py, app/consts.py (new). Apply?"


def readme_config() -> str:
    """The first Lua block of the README's Neovim section: what users copy is what this test runs."""
    section = (REPO / "README.md").read_text().split("### Neovim", 1)[1]
    found = re.search(r"```lua\n(.*?)```", section, re.S)
    assert found, "README.md has no Lua block in its Neovim section"
    return found.group(1)


def run_nvim(tmp_path: Path, polyedit: str, **env: str) -> dict[str, object]:
    root, result_file, config = tmp_path / "ws", tmp_path / "result.json", tmp_path / "polyedit.lua"
    config.write_text(readme_config())
    environment = {
        **os.environ,
        **env,
        "PATH": f"{Path(polyedit).parent}{os.pathsep}{os.environ['PATH']}",  # cmd = { "polyedit", "serve" }
        "CONFIG": str(config),
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


def model_env(url: str, cache_dir: Path) -> dict[str, str]:
    return {"ANTHROPIC_API_KEY": "sk-ant-test", "ANTHROPIC_BASE_URL": url, "POLYEDIT_CACHE_DIR": str(cache_dir)}


def test_keymap_makes_a_three_file_change_with_a_created_file(
    tmp_path: Path, cache_dir: Path, polyedit_command: str
) -> None:
    make_workspace(tmp_path / "ws")
    with fake_anthropic(route) as (url, state):
        reply = run_nvim(tmp_path, polyedit_command, MODE="keymap", **model_env(url, cache_dir))
    assert reply["error"] is None, reply
    result = reply["result"]
    assert isinstance(result, dict) and result["applied"] is True, result
    assert sorted(result["files"]) == sorted(EXPECTED)
    assert reply["asked"] == [QUESTION]
    assert on_disk(tmp_path / "ws") == EXPECTED
    assert len(state.requests) == 4  # one plan, three generate calls


def test_code_action_then_cancel_at_the_question_changes_nothing(
    tmp_path: Path, cache_dir: Path, polyedit_command: str
) -> None:
    make_workspace(tmp_path / "ws")
    with fake_anthropic(route) as (url, state):
        reply = run_nvim(tmp_path, polyedit_command, MODE="code_action", ANSWER="Cancel", **model_env(url, cache_dir))
    result = reply["result"]
    assert isinstance(result, dict) and result["applied"] is False, result
    assert result["reason"] == "declined: nothing was changed"
    assert reply["asked"] == [QUESTION]
    assert len(state.requests) == 4  # the code action ran the whole edit with the comment's instruction
    assert on_disk(tmp_path / "ws") == FILES
