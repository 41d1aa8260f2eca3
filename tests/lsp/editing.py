"""A workspace to edit and a server whose model is the loopback Messages API, for the tests of polyedit.edit."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from lsprotocol import types
from polyedit.lsp.convert import to_plain
from pytest_lsp import LanguageClient

from tests.fakes.anthropic_server import Reply, fake_anthropic
from tests.lsp.conftest import running_server, wait_ready
from tests.unit.pipeline.test_run import FILES, PLAN, SKETCHES, file_of

__all__ = ["FILES", "editing_server", "env", "execute", "make", "route"]


def make(root: Path) -> None:
    for rel, text in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)


def route(body: dict[str, Any]) -> Reply:
    path = file_of(body)
    return (
        Reply.tool("submit_plan", PLAN)
        if path is None
        else Reply.tool("edit_file", {"path": path, "sketch": SKETCHES[path]})
    )


def env(url: str) -> dict[str, str]:
    return {"ANTHROPIC_API_KEY": "sk-ant-test", "ANTHROPIC_BASE_URL": url}


async def execute(client: Any, arguments: dict[str, Any]) -> Any:
    params = types.ExecuteCommandParams(command="polyedit.edit", arguments=[arguments])
    return to_plain(await client.workspace_execute_command_async(params))


@asynccontextmanager
async def editing_server(
    root: Path, cache_dir: Path, model: Callable[[dict[str, Any]], Reply]
) -> AsyncIterator[tuple[LanguageClient, Any]]:
    """``polyedit serve`` on ``root`` with its index ready, its model the loopback Messages API answering with
    ``model``; yields the client and the fake API's state (the requests it received)."""
    with fake_anthropic(model) as (url, state):
        async with running_server(root, cache_dir, env=env(url)) as client:
            await wait_ready(client)
            yield client, state
