"""What editor extensions rely on beyond the standard: their own progress token, quiet results, live settings."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from polyedit.lsp.convert import to_plain
from pygls.uris import from_fs_path

from tests.fakes.anthropic_server import Held
from tests.lsp.conftest import request
from tests.lsp.editing import FILES, editing_server, execute, make, route


async def test_client_token_carries_progress_and_cancel_and_quiet_sends_no_message(
    tmp_path: Path, cache_dir: Path
) -> None:
    root = tmp_path / "ws"
    make(root)
    held = Held(route)
    async with editing_server(root, cache_dir, held) as (client, _):
        arguments = {"instruction": "rename fetch_user to load_user", "progressToken": "mine", "quiet": True}
        command = asyncio.ensure_future(execute(client, arguments))
        assert await asyncio.to_thread(held.reached.wait, 60)
        client.window_work_done_progress_cancel(types.WorkDoneProgressCancelParams(token="mine"))
        result = await command
        held.release.set()
    assert result["applied"] is False and "cancelled" in result["reason"]
    assert "PolyEdit changed nothing: cancelled" in result["summary"]
    begin = client.progress_reports["mine"][0]
    assert begin.kind == "begin" and begin.cancellable is True
    assert not any("PolyEdit changed" in m.message for m in client.messages)
    assert all((root / rel).read_text() == text for rel, text in FILES.items())


async def test_settings_changed_in_the_editor_apply_to_the_next_run(tmp_path: Path, cache_dir: Path) -> None:
    root = tmp_path / "ws"
    make(root)
    async with editing_server(root, cache_dir, route) as (client, state):
        client.set_configuration(
            {"maxCostUsd": 0.000001, "embeddingModel": "other-model", "server": {"command": "/x"}},
            section="polyedit",
        )
        told = client.wait_for_notification(types.WINDOW_SHOW_MESSAGE)
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
        await asyncio.wait_for(told, 30)
        result = await execute(client, {"instruction": "rename fetch_user to load_user"})
    messages = [m.message for m in client.messages]
    assert "polyedit: embedding_model take effect when the server restarts" in messages
    assert not any("unknown setting" in m for m in messages)  # 'server' belongs to the editor extension
    assert result["applied"] is False and "budget" in result["reason"]
    assert len(state.requests) == 1  # the plan call spent the budget; no file was generated


async def test_applied_true_without_the_change_is_reported(tmp_path: Path, cache_dir: Path) -> None:
    """Neovim answers applied: true after skipping a stale edit; the server checks the open documents itself."""
    root = tmp_path / "ws"
    make(root)
    uri = from_fs_path(str(root / "app/views.py")) or ""
    async with editing_server(root, cache_dir, route) as (client, _):
        document = types.TextDocumentItem(uri=uri, language_id="python", version=3, text=FILES["app/views.py"])
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=document))
        client.writes_edits = False  # type: ignore[attr-defined]  # answers applied: true, changes nothing
        result = await execute(client, {"instruction": "rename fetch_user to load_user"})
    assert result["applied"] is False
    reason = "the editor reported success but shows none of it: app/users.py, app/views.py, app/api.py"
    assert result["reason"] == reason


async def test_files_the_editor_left_out_are_reported_as_skipped(tmp_path: Path, cache_dir: Path) -> None:
    """VS Code's refactor preview lets the user uncheck files: the result names what really changed."""
    root = tmp_path / "ws"
    make(root)
    async with editing_server(root, cache_dir, route) as (client, _):
        client.writes_edits = {"app/views.py"}  # type: ignore[attr-defined]
        result = await execute(client, {"instruction": "rename fetch_user to load_user"})
        last_run = to_plain(await request(client, "polyedit/lastRun"))
    assert result["applied"] is True and result["partial"] is True and result["files"] == ["app/views.py"]
    assert result["skipped"] == ["app/users.py", "app/api.py"]
    assert result["summary"].startswith(
        "PolyEdit changed 1 of 3 planned files: the change is partial; left out: app/users.py, app/api.py ($"
    )
    assert last_run["outcome"] == "partial"
    assert last_run["handoffs"]["delivery"] == {"applied": ["app/views.py"], "left_out": ["app/users.py", "app/api.py"]}
