"""The language server: document sync into the live index, background indexing with progress, custom requests.

Handlers stay thin: they convert, then hand the blocking work to ``IndexService`` in a worker thread so that the
event loop keeps answering while indexing and embedding run.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from polyedit import __version__
from polyedit.config import RESTART_KEYS, Settings, load_workspace_settings, merge
from polyedit.index.service import IndexService
from polyedit.index.status import IndexStatus
from polyedit.lsp.convert import field, to_plain, uri_to_rel
from polyedit.lsp.edit import EDIT_COMMAND, LAST_RUN, code_actions, run_edit_command
from polyedit.pipeline.types import RunTrace

log = logging.getLogger(__name__)

SEARCH = "polyedit/search"
INDEX_STATUS = "polyedit/indexStatus"
INDEX_STATUS_CHANGED = "polyedit/indexStatusChanged"
REINDEX = "polyedit.reindex"
IGNORE_FILE_NAMES = (".gitignore", ".polyeditignore")
SERVICE_WAIT_S = 30.0


class PolyeditServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("polyedit", __version__)
        self.root: Path | None = None
        self.settings = Settings()
        self.base_settings = Settings()  # workspace files + initializationOptions; client settings merge over it
        self.index: IndexService | None = None
        self.index_ready = asyncio.Event()
        self._debounce: dict[str, asyncio.TimerHandle] = {}
        self._tasks: set[asyncio.Task[Any]] = set()
        # Document and file-system updates run one at a time, in the order the client sent them.
        self._updates: asyncio.Queue[Callable[[], Awaitable[None]]] = asyncio.Queue()
        self._told: set[str] = set()  # messages the user sees once per server (e.g. a model with no known price)
        self.last_run: RunTrace | None = None
        self._loop: asyncio.AbstractEventLoop | None = None  # the server's running loop, known from initialize
        self.client_name = ""  # clientInfo.name from initialize: some clients do more than they declare

    # --- helpers --------------------------------------------------------------------------------------------

    def spawn(self, coro: Any) -> None:
        """Run a coroutine in the background, keeping a reference and logging its failure."""
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)

        def done(t: asyncio.Task[Any]) -> None:
            self._tasks.discard(t)
            if not t.cancelled() and t.exception() is not None:
                log.error("background task failed", exc_info=t.exception())
                self.tell(f"polyedit: {t.exception()}", types.MessageType.Error)

        task.add_done_callback(done)

    def tell(self, message: str, kind: types.MessageType = types.MessageType.Warning) -> None:
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    def tell_once(self, message: str, kind: types.MessageType = types.MessageType.Warning) -> None:
        if message not in self._told:
            self._told.add(message)
            self.tell(message, kind)

    async def service(self) -> IndexService:
        await asyncio.wait_for(self.index_ready.wait(), SERVICE_WAIT_S)
        assert self.index is not None
        return self.index

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            raise RuntimeError("the server has not been initialized")
        return self._loop

    def publish_status(self, status: IndexStatus) -> None:
        """Called from any thread: forward the status to the client from the event loop."""
        self.loop.call_soon_threadsafe(self.protocol.notify, INDEX_STATUS_CHANGED, status.to_json())

    # --- ordered updates ------------------------------------------------------------------------------------

    def update(self, job: Callable[[], Awaitable[None]]) -> None:
        self._updates.put_nowait(job)

    async def run_updates(self) -> None:
        while True:
            job = await self._updates.get()
            try:
                await job()
            except Exception as exc:  # one bad update must not stop the ones after it
                log.exception("index update failed")
                self.tell(f"polyedit: index update failed: {exc}", types.MessageType.Error)
            finally:
                self._updates.task_done()

    async def settle(self) -> None:
        """Apply every document change received so far (debounced ones at once): searches read their writes."""
        for uri in list(self._debounce):
            self.cancel_debounce(uri)
            self.update(lambda uri=uri: self.index_buffer(uri))  # type: ignore[misc]
        await self._updates.join()

    def schedule_buffer(self, uri: str) -> None:
        """Debounce: index an open document's buffer once typing pauses."""
        self.cancel_debounce(uri)
        delay_s = self.settings.debounce_ms / 1000

        def fire() -> None:
            self._debounce.pop(uri, None)
            self.update(lambda: self.index_buffer(uri))

        self._debounce[uri] = self.loop.call_later(delay_s, fire)

    def cancel_debounce(self, uri: str) -> None:
        if (pending := self._debounce.pop(uri, None)) is not None:
            pending.cancel()

    async def index_buffer(self, uri: str) -> None:
        index = await self.service()
        rel = uri_to_rel(index.workspace, uri)
        document = self.workspace.text_documents.get(uri)
        if rel is not None and document is not None:
            await asyncio.to_thread(index.set_buffer, rel, document.source)

    async def close_buffer(self, uri: str) -> None:
        index = await self.service()
        if (rel := uri_to_rel(index.workspace, uri)) is not None:
            await asyncio.to_thread(index.close_buffer, rel)

    async def files_changed(self, uris: list[str]) -> None:
        index = await self.service()
        rels = [rel for uri in uris if (rel := uri_to_rel(index.workspace, uri))]
        ignore_changed = [rel for rel in rels if rel.rsplit("/", 1)[-1] in IGNORE_FILE_NAMES]
        for rel in ignore_changed:
            index.workspace.rules.invalidate(rel.rpartition("/")[0])
        if ignore_changed:
            await self.scan_with_progress("Re-indexing (ignore rules changed)")
            return
        for rel in rels:
            await asyncio.to_thread(index.refresh_from_disk, rel)

    # --- start-up -------------------------------------------------------------------------------------------

    async def start_index(self) -> None:
        """Open the index, then scan the workspace with work-done progress, then embed in the background."""
        assert self.root is not None
        root, settings = self.root, self.settings
        self.index = await asyncio.to_thread(IndexService, root, settings, None, self.publish_status)
        self.index_ready.set()
        for notice in self.index.notices:
            self.tell(f"polyedit: {notice}")
        await self.scan_with_progress("Indexing workspace")
        self.index.start_embedding()

    async def scan_with_progress(self, title: str) -> None:
        index = await self.service()
        token = await self.create_progress(title)
        loop = self.loop

        def progress(done: int, total: int) -> None:
            if token is not None and (done % 25 == 0 or done == total):
                pct = int(100 * done / total) if total else 100
                value = types.WorkDoneProgressReport(message=f"{done}/{total} files", percentage=pct)
                loop.call_soon_threadsafe(self.work_done_progress.report, token, value)

        summary = await asyncio.to_thread(index.scan, progress)
        if token is not None:
            message = f"{summary.files} files, {summary.chunks} chunks ({summary.indexed} re-read)"
            self.work_done_progress.end(token, types.WorkDoneProgressEnd(message=message))

    async def create_progress(self, title: str, cancellable: bool = False, token: str | None = None) -> str | None:
        """Begin work-done progress: on the client's own token when it sent one, else on one we ask it to create."""
        window = self.client_capabilities.window
        if token is None and (window is None or not window.work_done_progress):
            return None
        if token is None:
            token = f"polyedit-{title.lower().replace(' ', '-')}-{id(object())}"
            try:
                await self.work_done_progress.create_async(token)
            except Exception:  # a client that refuses progress still gets the work done
                log.info("client refused work-done progress", exc_info=True)
                return None
        begin = types.WorkDoneProgressBegin(title=f"polyedit: {title}", percentage=0, cancellable=cancellable)
        self.work_done_progress.begin(token, begin)
        return token

    async def register_file_watcher(self) -> None:
        workspace = self.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace else None
        if watched is None or not watched.dynamic_registration:
            return
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern="**/*")]
        )
        registration = types.Registration(
            id="polyedit-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
        )
        await self.client_register_capability_async(types.RegistrationParams(registrations=[registration]))

    async def fetch_client_settings(self) -> None:
        """Pull the editor's "polyedit" section (at start and on every didChangeConfiguration)."""
        workspace = self.client_capabilities.workspace
        if workspace is None or not workspace.configuration:
            return
        params = types.ConfigurationParams(items=[types.ConfigurationItem(section="polyedit")])
        try:
            values = await self.workspace_configuration_async(params)
        except Exception:  # a client that fails the request keeps the settings we have
            log.info("workspace/configuration failed", exc_info=True)
            return
        client_values = to_plain(values[0]) if values and values[0] else None
        self.settings = merge(self.base_settings, client_values, "workspace/configuration")

    async def settings_changed(self) -> None:
        before = self.settings
        await self.fetch_client_settings()
        fresh = self.settings.problems[len(self.base_settings.problems) :]
        for problem in fresh:
            self.tell(f"polyedit: {problem}")
        later = sorted(key for key in RESTART_KEYS if getattr(before, key) != getattr(self.settings, key))
        if later:
            self.tell(f"polyedit: {', '.join(later)} take effect when the server restarts", types.MessageType.Info)


def create_server() -> PolyeditServer:
    server = PolyeditServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: PolyeditServer, params: types.InitializeParams) -> None:
        ls._loop = asyncio.get_running_loop()
        folders = params.workspace_folders or []
        uri = folders[0].uri if folders else params.root_uri
        path = to_fs_path(uri) if uri else params.root_path
        ls.root = Path(path) if path else Path.cwd()
        options = to_plain(params.initialization_options) or {}
        if isinstance(options, dict) and isinstance(options.get("polyedit"), dict):
            options = options["polyedit"]
        ls.base_settings = merge(load_workspace_settings(ls.root), options, "initializationOptions")
        ls.settings = ls.base_settings
        ls.client_name = params.client_info.name if params.client_info else ""

    @server.feature(types.INITIALIZED)
    async def initialized(ls: PolyeditServer, params: types.InitializedParams) -> None:
        await ls.fetch_client_settings()
        for problem in ls.settings.problems:
            ls.tell(f"polyedit: {problem}")
        ls.spawn(ls.run_updates())
        ls.spawn(ls.register_file_watcher())
        ls.spawn(ls.start_index())

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: PolyeditServer, params: types.DidChangeConfigurationParams) -> None:
        await ls.settings_changed()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PolyeditServer, params: types.DidOpenTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.update(lambda: ls.index_buffer(uri))

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PolyeditServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule_buffer(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PolyeditServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule_buffer(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PolyeditServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.cancel_debounce(uri)
        ls.update(lambda: ls.close_buffer(uri))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: PolyeditServer, params: types.DidChangeWatchedFilesParams) -> None:
        uris = [change.uri for change in params.changes]
        ls.update(lambda: ls.files_changed(uris))

    @server.feature(SEARCH)
    async def search(ls: PolyeditServer, params: Any) -> list[dict[str, Any]]:
        query = field(params, "query")
        k = field(params, "k", 10)
        if not isinstance(query, str) or not query.strip():
            raise ValueError("polyedit/search needs a non-empty 'query' string")
        if not isinstance(k, int) or isinstance(k, bool) or k < 1:
            raise ValueError("polyedit/search: 'k' must be a positive integer")
        index = await ls.service()
        await ls.settle()
        results = await asyncio.to_thread(index.search, query, min(k, 100))
        return [r.to_json() for r in results]

    @server.feature(INDEX_STATUS)
    async def index_status(ls: PolyeditServer, params: Any) -> dict[str, Any]:
        if ls.index is None:
            return IndexStatus("starting", 0, 0, 0, 0).to_json()
        return (await asyncio.to_thread(ls.index.status)).to_json()

    @server.command(REINDEX)
    async def reindex(ls: PolyeditServer) -> dict[str, Any]:
        await ls.scan_with_progress("Re-indexing workspace")
        index = await ls.service()
        return (await asyncio.to_thread(index.status)).to_json()

    @server.command(EDIT_COMMAND)
    async def edit(ls: PolyeditServer, *args: Any) -> dict[str, Any]:
        return await run_edit_command(ls, to_plain(args[0]) if args else {})

    @server.feature(LAST_RUN)
    def last_run(ls: PolyeditServer, params: Any) -> dict[str, Any] | None:
        return ls.last_run.to_json() if ls.last_run is not None else None

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.Refactor, types.CodeActionKind.RefactorRewrite]
        ),
    )
    def code_action(ls: PolyeditServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return code_actions(ls, params)

    @server.feature(types.SHUTDOWN)
    async def shutdown(ls: PolyeditServer, params: Any) -> None:
        if ls.index is not None:
            await asyncio.to_thread(ls.index.close)  # it may wait for the model's current slice

    return server


def run() -> None:
    create_server().start_io()
