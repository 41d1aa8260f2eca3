"""A minimal LSP client for benchmarks: starts ``polyedit serve`` and records what the server sends."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path
from typing import Any

from lsprotocol import types
from polyedit.lsp.convert import to_plain
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path


class BenchClient(LanguageClient):
    def __init__(self) -> None:
        super().__init__("polyedit-bench", "0")
        self.statuses: list[tuple[float, dict[str, Any]]] = []
        self.status_changed = asyncio.Event()
        self.progress_end: float | None = None
        self.messages: list[str] = []

        @self.feature(types.WINDOW_WORK_DONE_PROGRESS_CREATE)
        def create(params: types.WorkDoneProgressCreateParams) -> None:
            return None

        @self.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            return None

        @self.feature(types.PROGRESS)
        def progress(params: types.ProgressParams) -> None:
            value = params.value
            kind = value.get("kind") if isinstance(value, dict) else getattr(value, "kind", None)
            if kind == "end" and self.progress_end is None:
                self.progress_end = time.perf_counter()

        @self.feature(types.WINDOW_SHOW_MESSAGE)
        def show(params: types.ShowMessageParams) -> None:
            self.messages.append(params.message)

        @self.feature("polyedit/indexStatusChanged")
        def status(params: Any) -> None:
            self.statuses.append((time.perf_counter(), to_plain(params)))
            self.status_changed.set()

    async def request(self, method: str, params: Any = None) -> Any:
        return to_plain(await self.protocol.send_request_async(method, params))

    async def wait_ready(self, timeout_s: float = 3600) -> dict[str, Any]:
        async def loop() -> dict[str, Any]:
            while True:
                self.status_changed.clear()
                status: dict[str, Any] = await self.request("polyedit/indexStatus")
                if status["state"] in ("ready", "error"):
                    return status
                await self.status_changed.wait()

        return await asyncio.wait_for(loop(), timeout_s)

    def server_pid(self) -> int:
        assert self._server is not None
        return self._server.pid


async def start(root: Path, cache_dir: Path) -> BenchClient:
    client = BenchClient()
    env = {**os.environ, "POLYEDIT_CACHE_DIR": str(cache_dir)}
    await client.start_io(sys.executable, "-m", "polyedit.cli", "serve", env=env)
    capabilities = types.ClientCapabilities(
        window=types.WindowClientCapabilities(work_done_progress=True),
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
        ),
    )
    uri = from_fs_path(str(root)) or ""
    await client.initialize_async(
        types.InitializeParams(
            capabilities=capabilities,
            root_uri=uri,
            workspace_folders=[types.WorkspaceFolder(uri=uri, name=root.name)],
            process_id=os.getpid(),
        )
    )
    client.initialized(types.InitializedParams())
    return client


async def stop(client: BenchClient) -> None:
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")
