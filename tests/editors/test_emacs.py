"""Emacs 28 with eglot 1.9 (Debian's, in batch mode) configured with the README's Emacs block runs polyedit.edit.
eglot 1.9 declares no resource operations, so an edit that creates a file is refused with a reason; a rename across
two files is applied and saved exactly."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

from tests.editors.conftest import REPO, require
from tests.editors.scenario import EXPECTED, FILES, PLAN, REPLIES, make_workspace, on_disk, route
from tests.fakes.anthropic_server import Reply, fake_anthropic
from tests.unit.pipeline.test_run import file_of

SCRIPT = Path(__file__).with_name("emacs_edit.el")
RENAME = "rename fetch_user to load_user"
RENAME_PLAN = {**PLAN, "files": [f for f in PLAN["files"] if f["action"] == "modify"]}  # type: ignore[union-attr]


def rename_only(body: dict[str, Any]) -> Reply:
    path = file_of(body)
    return Reply.tool("submit_plan", RENAME_PLAN) if path is None else REPLIES[path]


def readme_config() -> str:
    section = (REPO / "README.md").read_text().split("### Emacs", 1)[1]
    found = re.search(r"```elisp\n(.*?)```", section, re.S)
    assert found, "README.md has no elisp block in its Emacs section"
    return found.group(1)


def run_emacs(tmp_path: Path, polyedit: str, instruction: str, **env: str) -> dict[str, Any]:
    root, result_file, config = tmp_path / "ws", tmp_path / "result.json", tmp_path / "polyedit.el"
    config.write_text(readme_config())
    subprocess.run(["git", "init", "-q", str(root)], check=True)  # eglot finds the project by its VCS root
    environment = {
        **os.environ,
        **env,
        "PATH": f"{Path(polyedit).parent}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(tmp_path / "home"),  # no user init files, no ~/.emacs.d writes
        "CONFIG": str(config),
        "WS": str(root),
        "OPEN": "app/views.py",
        "INSTRUCTION": instruction,
        "RESULT": str(result_file),
    }
    command = [require("emacs"), "--batch", "-l", str(SCRIPT)]
    done = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=400, cwd=root)
    assert done.returncode == 0, f"emacs failed ({done.returncode}):\n{done.stderr[-3000:]}"
    return json.loads(result_file.read_text())  # type: ignore[no-any-return]


def model_env(url: str, cache_dir: Path) -> dict[str, str]:
    return {"ANTHROPIC_API_KEY": "sk-ant-test", "ANTHROPIC_BASE_URL": url, "POLYEDIT_CACHE_DIR": str(cache_dir)}


def test_rename_across_two_files(tmp_path: Path, cache_dir: Path, polyedit_command: str) -> None:
    make_workspace(tmp_path / "ws")
    with fake_anthropic(rename_only) as (url, _):
        reply = run_emacs(tmp_path, polyedit_command, RENAME, **model_env(url, cache_dir))
    result = reply["result"]
    assert result["applied"] is True, result
    assert sorted(result["files"]) == ["app/users.py", "app/views.py"]
    assert any("Server wants to edit" in q for q in reply["asked"])  # eglot shows the files before it edits
    renamed = {rel: EXPECTED[rel] for rel in FILES}
    assert on_disk(tmp_path / "ws") == renamed


def test_an_edit_that_creates_a_file_is_refused_with_the_reason(
    tmp_path: Path, cache_dir: Path, polyedit_command: str
) -> None:
    make_workspace(tmp_path / "ws")
    with fake_anthropic(route) as (url, _):
        reply = run_emacs(tmp_path, polyedit_command, "rename and add constants", **model_env(url, cache_dir))
    result = reply["result"]
    assert result["applied"] is False
    assert result["reason"] == "the editor does not accept 'create' file operations over LSP"
    assert on_disk(tmp_path / "ws") == FILES
