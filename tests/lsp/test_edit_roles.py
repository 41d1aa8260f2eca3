"""polyedit.edit through a real LSP client with roles on two providers: the plan from the Anthropic fake, the
generate cascade starting on an OpenAI-compatible local server (set up from the editor's settings) and escalating
to Anthropic when its sketch cannot be applied."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tests.fakes.anthropic_server import fake_anthropic
from tests.fakes.openai_server import Chat, fake_openai
from tests.lsp.conftest import request, running_server, wait_ready
from tests.lsp.editing import FILES, env, execute, make, route
from tests.unit.pipeline.test_run import RENAMED, SKETCHES, file_of

BAD = "# ...\ndef nowhere():\n    pass\n# ... existing code ...\ndef elsewhere():\n    pass\n# ...\n"
LOCAL = "ollama:qwen2.5-coder:7b"


def local(body: dict[str, Any]) -> Chat:
    found = re.search(r"^File: (\S+) \(", body["messages"][-1]["content"], re.M)
    path = found.group(1) if found else ""
    return Chat.tool("edit_file", {"path": path, "sketch": BAD if path == "app/users.py" else SKETCHES[path]})


async def test_plan_on_anthropic_cascade_from_a_local_model_to_anthropic(tmp_path: Path, cache_dir: Path) -> None:
    root = tmp_path / "ws"
    make(root)
    with fake_anthropic(route) as (url, anthropic_state), fake_openai(local) as (local_url, local_state):
        options = {
            "planModel": "claude-sonnet-5-5",
            "generateModels": f"{LOCAL},claude-sonnet-5-5",
            "providers": {"ollama": {"baseUrl": local_url}},  # the editor may say where a provider is
        }
        async with running_server(root, cache_dir, initialization_options=options, env=env(url)) as client:
            await wait_ready(client)
            result = await execute(client, {"instruction": "rename fetch_user to load_user"})
            assert result["applied"] is True, result
            assert {rel: (root / rel).read_text() for rel in RENAMED} == RENAMED
            trace = await request(client, "polyedit/lastRun")
    assert [file_of(b) for b in anthropic_state.requests] == [None, "app/users.py"]
    assert len(local_state.requests) == 4  # three files, users.py twice (the second time with the refusal)
    generate = [p for p in trace.phases if p.phase == "generate"]
    assert [p.model for p in generate].count(LOCAL) == 4 and [p.model for p in generate].count("claude-sonnet-5-5") == 1
    assert all(p.cost_usd == 0 and p.input_tokens > 0 for p in generate if p.model == LOCAL)


async def test_a_missing_key_names_the_provider_and_sends_nothing(tmp_path: Path, cache_dir: Path) -> None:
    root = tmp_path / "ws"
    make(root)
    with fake_anthropic(route) as (url, anthropic_state):
        options = {"planModel": "claude-sonnet-5-5", "generateModels": "openai:gpt-4.1-mini"}
        async with running_server(root, cache_dir, initialization_options=options, env=env(url)) as client:
            await wait_ready(client)
            result = await execute(client, {"instruction": "rename fetch_user to load_user"})
            trace = await request(client, "polyedit/lastRun")
    assert result["applied"] is False and "OPENAI_API_KEY is not set" in result["reason"]
    assert "openai provider" in result["reason"] and anthropic_state.requests == []
    assert all((root / rel).read_text() == text for rel, text in FILES.items())
    assert "sk-ant-test" not in json.dumps(result) + str(trace)
