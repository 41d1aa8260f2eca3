"""The trust model through a real LSP client: hostile paths are refused before anything is delivered, secrets never
reach the model or a search answer yet survive the edit, and control files come to the editor for review."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.fakes.anthropic_server import Reply
from tests.lsp.conftest import search
from tests.lsp.editing import FILES, editing_server, execute, make
from tests.security_cases import HOSTILE_PATHS, make_hostile_workspace
from tests.unit.pipeline.test_run import file_of

LSP_HOSTILE = [case for case in HOSTILE_PATHS if case[0] in ("~/.bashrc", "sub/.git", "notes.txt", "app/escape.py")]


@pytest.mark.parametrize(("path", "action", "words"), LSP_HOSTILE, ids=[c[0] for c in LSP_HOSTILE])
async def test_a_hostile_path_in_the_plan_delivers_nothing(
    tmp_path: Path, cache_dir: Path, path: str, action: str, words: str
) -> None:
    root = tmp_path / "ws"
    make(root)
    make_hostile_workspace(root, tmp_path / "outside")
    plan = {"summary": "s", "files": [{"path": path, "action": action, "intent": "x"}], "facts": []}
    async with editing_server(root, cache_dir, lambda body: Reply.tool("submit_plan", plan)) as (client, _):
        result = await execute(client, {"instruction": "do it"})
        assert result["applied"] is False and words in result["reason"]
        assert client.applied_edits == []  # type: ignore[attr-defined]
    assert not (root / "~").exists() and (root / ".env").read_text() == "TOKEN=secret\n"


async def test_secrets_stay_out_of_search_and_prompts_and_survive_the_edit(tmp_path: Path, cache_dir: Path) -> None:
    root = tmp_path / "ws"
    make(root)
    key = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
    (root / "app/settings.py").write_text(f'STRIPE_KEY = "{key}"\nTIMEOUT = 10\n')
    plan = {"summary": "s", "files": [{"path": "app/settings.py", "action": "modify", "intent": "t"}], "facts": []}
    sketch = "<<<<<<< SEARCH\nTIMEOUT = 10\n=======\nTIMEOUT = 30\n>>>>>>> REPLACE\n"

    def model(body: dict[str, Any]) -> Reply:
        if file_of(body) is None:
            return Reply.tool("submit_plan", plan)
        return Reply.tool("edit_file", {"path": "app/settings.py", "sketch": sketch})

    async with editing_server(root, cache_dir, model) as (client, state):
        hits = await search(client, "STRIPE_KEY settings", k=5)
        result = await execute(client, {"instruction": "raise the timeout"})
    assert hits and hits[0]["path"] == "app/settings.py" and all(key not in h["text"] for h in hits)
    assert key not in json.dumps(state.requests, ensure_ascii=False)
    assert result["applied"] is True
    assert (root / "app/settings.py").read_text() == f'STRIPE_KEY = "{key}"\nTIMEOUT = 30\n'
    assert all((root / rel).read_text() == text for rel, text in FILES.items())
