"""A real VS Code (code-server 4.100.3 in headless Chromium, driven by playwright-core) with the built .vsix: the
"PolyEdit: Multi-file Edit…" command against the real ``polyedit serve`` and the loopback Messages API."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.editors.conftest import REPO, require
from tests.editors.scenario import (
    EXPECTED,
    FILES,
    INSTRUCTION,
    RISKY_EXPECTED,
    RISKY_FILES,
    files_on_disk,
    make_files,
    make_workspace,
    on_disk,
    risky_route,
    route,
)
from tests.fakes.anthropic_server import Held, fake_anthropic

CLIENT = REPO / "vscode-client"
CODE_SERVER = REPO / "build/editors/code-server/node_modules/.bin/code-server"
VSIX = CLIENT / "dist/polyedit.vsix"


@pytest.fixture(scope="module")
def vsix() -> Path:
    """The extension as users install it, built from the current sources."""
    subprocess.run(["npm", "run", "--silent", "vsix"], cwd=CLIENT, check=True, capture_output=True, timeout=300)
    return VSIX


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def code_server(tmp_path: Path, vsix: Path, polyedit_command: str) -> Iterator[tuple[Path, dict[str, str]]]:
    """Yields (user data dir, environment); the test starts code-server with the environment it needs."""
    assert CODE_SERVER.exists(), "code-server is missing: run .ci/setup-editors (make test does)"
    require("chromium")
    user_data, extensions = tmp_path / "user-data", tmp_path / "extensions"
    (user_data / "User").mkdir(parents=True)
    settings = {
        "security.workspace.trust.enabled": False,
        "workbench.startupEditor": "none",
        "files.hotExit": "off",
        "polyedit.server.command": polyedit_command,
    }
    (user_data / "User/settings.json").write_text(json.dumps(settings))
    flags = ["--user-data-dir", str(user_data), "--extensions-dir", str(extensions)]
    subprocess.run([str(CODE_SERVER), *flags, "--install-extension", str(vsix)], check=True, capture_output=True)
    yield user_data, {"CODE_SERVER_FLAGS": json.dumps(flags)}


def start_code_server(folder: Path, flags: list[str], env: dict[str, str], log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [
        str(CODE_SERVER),
        *flags,
        "--auth",
        "none",
        "--bind-addr",
        f"127.0.0.1:{port}",
        "--disable-telemetry",
        "--disable-update-check",
        "--disable-workspace-trust",
        str(folder),
    ]
    process = subprocess.Popen(command, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, f"http://127.0.0.1:{port}/?folder={folder}"
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError(f"code-server did not listen on {port}:\n{log.read_text()[-2000:]}")


def run_scenario(
    scenario: str, tmp_path: Path, flags: list[str], env: dict[str, str]
) -> tuple[dict[str, Any], subprocess.CompletedProcess[str]]:
    """Start code-server on the workspace, run one scenario of e2e/edit.e2e.mjs in Chromium, return its result."""
    process, page = start_code_server(tmp_path / "ws", flags, env, tmp_path / "code-server.log")
    try:
        script = [require("node"), "e2e/edit.e2e.mjs", scenario, page, "app/views.py", INSTRUCTION, str(tmp_path)]
        done = subprocess.run(script, cwd=CLIENT, capture_output=True, text=True, timeout=600)
    finally:
        process.terminate()
        process.wait(30)
    result = json.loads((tmp_path / "result.json").read_text())
    assert done.returncode == 0, f"{result}\n{done.stdout[-3000:]}\n{done.stderr[-2000:]}"
    return result, done


def model_env(url: str, cache_dir: Path, key: str | None = "sk-ant-test") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "ANTHROPIC_API_KEY"}
    env |= {"ANTHROPIC_BASE_URL": url, "POLYEDIT_CACHE_DIR": str(cache_dir)}
    return env | ({"ANTHROPIC_API_KEY": key} if key else {})


def test_multi_file_edit_from_the_command_palette(
    tmp_path: Path, cache_dir: Path, code_server: tuple[Path, dict[str, str]]
) -> None:
    _, extra = code_server
    make_workspace(tmp_path / "ws")
    with fake_anthropic(route) as (url, state):
        result, _ = run_scenario("edit", tmp_path, json.loads(extra["CODE_SERVER_FLAGS"]), model_env(url, cache_dir))
    assert result["statusReady"] is True
    assert result["searchFirst"] == "fetch_userapp/users.py:1-6 def fetch_user(uid):"  # symbol, path:lines, code
    assert result["searchOpened"] == "users.py"
    assert checked_files(result["preview"]) == {"users.py": True, "views.py": True, "consts.py": True}
    assert result["notification"].startswith("PolyEdit changed 3 files ($")
    assert on_disk(tmp_path / "ws") == EXPECTED
    assert result["lastRunTitle"] == "PolyEdit run: delivered"  # "PolyEdit: Show Last Run" in the Markdown preview
    assert result["lastRunPhases"] == ["retrieve", "plan", "generate", "generate", "generate"]
    assert result["reindexed"] == "PolyEdit: re-indexed 3 files (3 chunks)."  # the created file is indexed too
    assert len(state.requests) == 4


def checked_files(preview: list[dict[str, Any]]) -> dict[str, bool]:
    """The Refactor Preview's file rows (the tree's first level) and whether each starts checked; every other row
    (the edits inside a file) must start checked or unchecked with its file."""
    files: dict[str, bool] = {}
    current = ""
    for row in preview:
        if row["level"] == 1:
            current = row["label"]
            files[current] = row["checked"]
        else:
            assert row["checked"] == files[current], f"{row} inside {current}"
    return files


def test_apply_on_the_previews_defaults_leaves_out_only_the_risky_files(
    tmp_path: Path, cache_dir: Path, code_server: tuple[Path, dict[str, str]]
) -> None:
    """A deletion and a control file start unchecked; the planned changes start checked, so Apply on the defaults
    delivers them and the result says plainly that the change is partial."""
    _, extra = code_server
    make_files(tmp_path / "ws", RISKY_FILES)
    with fake_anthropic(risky_route) as (url, _):
        result, _ = run_scenario("risky", tmp_path, json.loads(extra["CODE_SERVER_FLAGS"]), model_env(url, cache_dir))
    assert checked_files(result["preview"]) == {
        "users.py": True,
        "views.py": True,
        "old.py": False,
        "conftest.py": False,
    }
    assert files_on_disk(tmp_path / "ws", RISKY_EXPECTED) == RISKY_EXPECTED
    assert result["notification"].startswith("PolyEdit changed 2 of 4 planned files ($")
    assert result["notification"].endswith("The change is partial; left out: app/old.py, conftest.py")
    assert result["lastRunTitle"] == "PolyEdit run: partial"


def test_without_a_key_the_user_is_told_then_sets_it_and_the_edit_works(
    tmp_path: Path, cache_dir: Path, code_server: tuple[Path, dict[str, str]]
) -> None:
    user_data, extra = code_server
    make_workspace(tmp_path / "ws")
    with fake_anthropic(route) as (url, state):
        env = model_env(url, cache_dir, key=None)
        result, _ = run_scenario("key", tmp_path, json.loads(extra["CODE_SERVER_FLAGS"]), env)
    assert result["withoutKey"] == (
        "PolyEdit changed nothing ($0.0000): no Anthropic API key: run 'PolyEdit: Set Anthropic API Key'"
    )
    assert result["keySaved"] == "PolyEdit: API key saved."
    assert result["notification"].startswith("PolyEdit changed 3 files ($")
    assert on_disk(tmp_path / "ws") == EXPECTED
    assert {h.get("authorization") for h in state.headers} == {"Bearer sk-ant-test"}  # the key from SecretStorage
    assert "sk-ant-test" not in (user_data / "User/settings.json").read_text()
    logs = [p for p in (user_data / "logs").rglob("*.log") if "sk-ant-test" in p.read_text(errors="replace")]
    assert logs == []


def test_cancel_in_the_progress_notification_changes_nothing(
    tmp_path: Path, cache_dir: Path, code_server: tuple[Path, dict[str, str]]
) -> None:
    _, extra = code_server
    make_workspace(tmp_path / "ws")
    held = Held(route)
    with fake_anthropic(held) as (url, _):
        try:
            result, _ = run_scenario(
                "cancel", tmp_path, json.loads(extra["CODE_SERVER_FLAGS"]), model_env(url, cache_dir)
            )
        finally:
            held.release.set()
    assert result["notification"] == "PolyEdit changed nothing ($0.0000): cancelled: nothing was changed"
    assert on_disk(tmp_path / "ws") == FILES


def test_a_missing_server_is_reported_with_the_fix(
    tmp_path: Path, cache_dir: Path, code_server: tuple[Path, dict[str, str]]
) -> None:
    user_data, extra = code_server
    settings_file = user_data / "User/settings.json"
    settings = json.loads(settings_file.read_text()) | {"polyedit.server.command": "/nowhere/polyedit"}
    settings_file.write_text(json.dumps(settings))
    make_workspace(tmp_path / "ws")
    result, _ = run_scenario("missing", tmp_path, json.loads(extra["CODE_SERVER_FLAGS"]), model_env("", cache_dir))
    assert result["notification"].startswith(
        "polyedit.server.command is '/nowhere/polyedit', which is not an executable file. Install it with"
    )
    assert result["statusError"] is True
