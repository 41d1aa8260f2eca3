"""Drive ``polyedit serve`` through pytest-lsp's real LSP client (a subprocess speaking JSON-RPC over stdio)."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from lsprotocol import types
from polyedit.apply.edits import apply_edits
from polyedit.apply.types import TextEdit
from polyedit.lsp.convert import to_plain
from pygls.uris import from_fs_path, to_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import make_test_lsp_client

READY_TIMEOUT_S = 120.0
STATUS_CHANGED = "polyedit/indexStatusChanged"


def _client_with_registration() -> LanguageClient:
    client = make_test_lsp_client()
    client.registrations = []  # type: ignore[attr-defined]
    client.status_changed = asyncio.Event()  # type: ignore[attr-defined]
    client.applied_edits = []  # type: ignore[attr-defined]
    client.root = None  # type: ignore[attr-defined]

    client.writes_edits = True  # type: ignore[attr-defined]  # False: none; a set of paths: only those
    client.declines_edits = False  # type: ignore[attr-defined]  # True: answers as a user who clicks "Discard"

    @client.feature(types.WORKSPACE_APPLY_EDIT)
    def apply_edit(params: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult:
        """Like an editor that applies the edit and saves: the files on disk change (unless told not to)."""
        client.applied_edits.append(params)  # type: ignore[attr-defined]
        if client.declines_edits:  # type: ignore[attr-defined]
            return types.ApplyWorkspaceEditResult(applied=False, failure_reason="the user discarded it")
        if client.writes_edits and client.root is not None:  # type: ignore[attr-defined]
            for rel, text in apply_received(client.root, params.edit).items():  # type: ignore[attr-defined]
                if client.writes_edits is True or rel in client.writes_edits:  # type: ignore[attr-defined]
                    (client.root / rel).write_text(text)  # type: ignore[attr-defined]
        return types.ApplyWorkspaceEditResult(applied=True)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    @client.feature(STATUS_CHANGED)
    def status_changed(params: Any) -> None:
        client.status_changed.set()  # type: ignore[attr-defined]

    return client


@asynccontextmanager
async def running_server(
    root: Path,
    cache_dir: Path,
    capabilities: str = "visual-studio-code",
    initialization_options: dict[str, Any] | None = None,
    env: dict[str, str] | None = None,
) -> AsyncIterator[LanguageClient]:
    env = {**os.environ, "POLYEDIT_CACHE_DIR": str(cache_dir), **(env or {})}
    config = ClientServerConfig(
        server_command=[sys.executable, "-m", "polyedit.cli", "serve"],
        server_env=env,
        client_factory=_client_with_registration,
    )
    client = await config.start()
    assert isinstance(client, LanguageClient)
    client.root = root  # type: ignore[attr-defined]
    try:
        await client.initialize_session(
            types.InitializeParams(
                capabilities=client_capabilities(capabilities),
                root_uri=from_fs_path(str(root)),
                workspace_folders=[types.WorkspaceFolder(uri=from_fs_path(str(root)) or "", name="ws")],
                initialization_options=initialization_options,
            )
        )
        yield client
    finally:
        await client.shutdown_session()
        await client.stop()


async def request(client: LanguageClient, method: str, params: Any = None) -> Any:
    return await client.protocol.send_request_async(method, params)


async def wait_for_status(
    client: LanguageClient, done: Callable[[dict[str, Any]], bool], timeout_s: float = READY_TIMEOUT_S
) -> dict[str, Any]:
    """Wait on polyedit/indexStatusChanged notifications until ``done(status)``; never sleeps."""

    changed: asyncio.Event = client.status_changed  # type: ignore[attr-defined]

    async def loop() -> dict[str, Any]:
        while True:
            changed.clear()
            status = to_plain(await request(client, "polyedit/indexStatus"))
            if done(status):
                return status
            await changed.wait()

    return await asyncio.wait_for(loop(), timeout_s)


async def wait_ready(client: LanguageClient) -> dict[str, Any]:
    return await wait_for_status(client, lambda s: s["state"] == "ready")


async def search(client: LanguageClient, query: str, k: int = 5) -> list[dict[str, Any]]:
    return [to_plain(r) for r in await request(client, "polyedit/search", {"query": query, "k": k})]


def apply_received(root: Path, edit: types.WorkspaceEdit) -> dict[str, str]:
    """What an editor would have after applying the edit (text edits; created files start empty, and a file that
    exists is left alone when the creation says ignoreIfExists)."""
    files: dict[str, str] = {}
    for op in edit.document_changes or []:
        if isinstance(op, types.CreateFile):
            rel = Path(to_fs_path(op.uri) or "").relative_to(root).as_posix()
            exists = rel in files or (root / rel).exists()
            if not (exists and op.options and op.options.ignore_if_exists and not op.options.overwrite):
                files[rel] = ""
        elif isinstance(op, types.TextDocumentEdit):
            rel = Path(to_fs_path(op.text_document.uri) or "").relative_to(root).as_posix()
            text = files.get(rel, (root / rel).read_text() if (root / rel).exists() else "")
            edits = [
                TextEdit(
                    e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.new_text
                )
                for e in op.edits
            ]
            files[rel] = apply_edits(text, edits)
    return files
