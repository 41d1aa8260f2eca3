"""polyedit.edit through a real LSP client: the server runs the pipeline against the loopback Messages API and
delivers one WorkspaceEdit; the test applies what it received and checks the exact files."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from lsprotocol import types
from polyedit.write_cli import run_write
from pygls.uris import from_fs_path

from tests.fakes.anthropic_server import Held, Reply
from tests.lsp.conftest import request, running_server, wait_ready
from tests.lsp.editing import FILES, editing_server, execute, make, route
from tests.unit.pipeline.test_run import RENAMED, file_of


async def test_rename_across_three_files_is_one_workspace_edit(tmp_path: Path, cache_dir: Path) -> None:
    root = tmp_path / "ws"
    make(root)
    async with editing_server(root, cache_dir, route) as (client, _):
        result = await execute(client, {"instruction": "rename fetch_user to load_user"})
        assert result["applied"] is True
        [received] = client.applied_edits  # type: ignore[attr-defined]
        assert received.label.startswith("PolyEdit: rename")
        assert {rel: (root / rel).read_text() for rel in RENAMED} == RENAMED  # the client wrote what it got
        assert all(op.text_document.version is None for op in received.edit.document_changes)  # none open
        notes = {edit.annotation_id for op in received.edit.document_changes for edit in op.edits}
        # VS Code's capabilities: planned changes start checked; an empty insertion opens the preview for review
        assert notes == {"polyedit.planned", "polyedit.review"}
        assert received.edit.change_annotations["polyedit.planned"].needs_confirmation is False
        trace = await request(client, "polyedit/lastRun")
        assert trace.outcome == "delivered" and trace.cost_usd > 0
        messages = [m.message for m in client.messages]
        assert any("PolyEdit changed 3 files" in m for m in messages)


async def test_a_change_that_creates_a_file(tmp_path: Path, cache_dir: Path) -> None:
    root = tmp_path / "ws"
    make(root)
    plan = {
        "summary": "Add constants.",
        "files": [{"path": "app/consts.py", "action": "create", "intent": "c"}],
        "facts": [],
    }

    def creating(body: dict[str, Any]) -> Reply:
        if file_of(body) is None:
            return Reply.tool("submit_plan", plan)
        return Reply.tool("create_file", {"path": "app/consts.py", "content": "LIMIT = 10\n"})

    async with editing_server(root, cache_dir, creating) as (client, _):
        result = await execute(client, {"instruction": "add a constants module"})
        assert result["applied"] is True
        [received] = client.applied_edits  # type: ignore[attr-defined]
        create = received.edit.document_changes[0]
        assert isinstance(create, types.CreateFile) and create.options.overwrite is False
        assert (root / "app/consts.py").read_text() == "LIMIT = 10\n"


async def test_document_edited_mid_run_is_not_overwritten(tmp_path: Path, cache_dir: Path) -> None:
    root = tmp_path / "ws"
    make(root)
    held = Held(route, only=lambda body: file_of(body) == "app/views.py")
    uri = from_fs_path(str(root / "app/views.py")) or ""
    async with editing_server(root, cache_dir, held) as (client, _):
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "python", 1, FILES["app/views.py"]))
        )
        command = asyncio.ensure_future(execute(client, {"instruction": "rename fetch_user to load_user"}))
        assert await asyncio.to_thread(held.reached.wait, 60)
        start = types.Position(line=0, character=0)
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[
                    types.TextDocumentContentChangePartial(range=types.Range(start, start), text="# mine\n")
                ],
            )
        )
        await request(client, "polyedit/indexStatus")  # the server reads messages in order: it has the change
        held.release.set()
        result = await command
        assert result["applied"] is False and "app/views.py changed while the edit was prepared" in result["reason"]
        assert client.applied_edits == []  # type: ignore[attr-defined]


async def test_an_edit_the_editor_does_not_apply_is_kept_for_polyedit_write(tmp_path: Path, cache_dir: Path) -> None:
    root = tmp_path / "ws"
    make(root)
    async with editing_server(root, cache_dir, route) as (client, _):
        client.declines_edits = True  # type: ignore[attr-defined]
        result = await execute(client, {"instruction": "rename fetch_user to load_user"})
    assert result["applied"] is False and "the user discarded it" in result["reason"]
    assert f"'polyedit write {result['kept']}'" in result["summary"]
    assert all((root / rel).read_text() == text for rel, text in FILES.items())
    assert run_write(Path(result["kept"]), False) == 0  # later, from a terminal: no model is asked again
    assert {rel: (root / rel).read_text() for rel in FILES} == RENAMED


async def test_cancel_mid_run_delivers_nothing(tmp_path: Path, cache_dir: Path) -> None:
    root = tmp_path / "ws"
    make(root)
    held = Held(route)
    async with editing_server(root, cache_dir, held) as (client, _):
        command = asyncio.ensure_future(execute(client, {"instruction": "rename fetch_user to load_user"}))
        assert await asyncio.to_thread(held.reached.wait, 60)
        [token] = [t for t in client.progress_reports if "multi-file" in str(t)]
        client.window_work_done_progress_cancel(types.WorkDoneProgressCancelParams(token=token))
        result = await command
        held.release.set()
        assert result["applied"] is False and "cancelled" in result["reason"]
        assert client.applied_edits == []  # type: ignore[attr-defined]
        assert (await request(client, "polyedit/lastRun")).outcome == "cancelled"
    assert all((root / rel).read_text() == text for rel, text in FILES.items())


async def test_code_actions_offer_the_instruction_in_a_comment(tmp_path: Path, cache_dir: Path) -> None:
    root = tmp_path / "ws"
    make(root)
    uri = from_fs_path(str(root / "app/api.py")) or ""
    text = "# polyedit: rename fetch_user to load_user\n" + FILES["app/api.py"]
    async with running_server(root, cache_dir) as client:
        client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "python", 1, text)))
        at = types.Position(line=0, character=3)
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(types.TextDocumentIdentifier(uri), types.Range(at, at), types.CodeActionContext([]))
        )
        titles = [a.title for a in actions]
        assert titles == ["PolyEdit: apply this instruction across files", "PolyEdit: multi-file edit…"]
        # The client decodes the Command | CodeAction union loosely; the instruction and document must be carried.
        assert "rename fetch_user to load_user" in str(actions[0]) and uri in str(actions[0])


TS_FILES = {
    "web/users.ts": (
        "export function fetchUser(id: number): User {\n  return { id };\n}\n\n"
        "export interface User {\n  id: number;\n}\n"
    ),
    "web/views.ts": (
        "import { fetchUser } from './users';\n\nexport function show(id: number) {\n  return fetchUser(id);\n}\n"
    ),
    "web/api.ts": (
        "import { fetchUser } from './users';\n\nexport const get = (id: number) => {\n"
        "  const user = fetchUser(id);\n  return user;\n};\n"
    ),
}
TS_SKETCHES = {
    "web/users.ts": "export function loadUser(id: number): User {\n  return { id };\n}\n// ... existing code ...\n",
    "web/views.ts": (
        "import { loadUser } from './users';\n// ... existing code ...\n"
        "export function show(id: number) {\n  return loadUser(id);\n}\n"
    ),
    "web/api.ts": (
        "<<<<<<< SEARCH\nimport { fetchUser } from './users';\n=======\nimport { loadUser } from './users';\n"
        ">>>>>>> REPLACE\n<<<<<<< SEARCH\n  const user = fetchUser(id);\n=======\n"
        "  const user = loadUser(id);\n>>>>>>> REPLACE\n"
    ),
}


async def test_typescript_rename_across_three_files(tmp_path: Path, cache_dir: Path) -> None:
    root = tmp_path / "ws"
    for rel, text in TS_FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    plan = {
        "summary": "Rename fetchUser to loadUser.",
        "files": [{"path": p, "action": "modify", "intent": "rename"} for p in TS_FILES],
        "facts": ["fetchUser is now loadUser"],
    }

    def ts_route(body: dict[str, Any]) -> Reply:
        path = file_of(body)
        if path is None:
            return Reply.tool("submit_plan", plan)
        return Reply.tool("edit_file", {"path": path, "sketch": TS_SKETCHES[path]})

    async with editing_server(root, cache_dir, ts_route) as (client, _):
        result = await execute(client, {"instruction": "rename fetchUser to loadUser"})
        assert result["applied"] is True
        assert len(client.applied_edits) == 1  # type: ignore[attr-defined]
        expected = {rel: text.replace("fetchUser", "loadUser") for rel, text in TS_FILES.items()}
        assert {rel: (root / rel).read_text() for rel in expected} == expected


async def test_without_a_key_the_editor_is_told_how_to_set_it(tmp_path: Path, cache_dir: Path) -> None:
    root = tmp_path / "ws"
    make(root)
    async with running_server(root, cache_dir, env={"ANTHROPIC_API_KEY": ""}) as client:
        await wait_ready(client)
        result = await execute(client, {"instruction": "rename fetch_user to load_user"})
        assert result["applied"] is False and "export ANTHROPIC_API_KEY" in result["reason"]
        assert any("search and apply still work" in m.message for m in client.messages)
        assert client.applied_edits == []  # type: ignore[attr-defined]
