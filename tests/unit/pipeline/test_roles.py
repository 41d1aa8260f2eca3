"""Roles on several providers in one run: the plan from the Anthropic fake, a generate cascade that starts on an
OpenAI-compatible local server (the real openai SDK against its fake) and escalates to Anthropic, the apply_fallback
role rescuing a refused sketch, a model without tool calling, and faults of the new provider."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from polyedit.config import Settings
from polyedit.index.service import IndexService
from polyedit.models.registry import ModelRouter, price_table
from polyedit.pipeline.run import EditRun, RunConfig
from polyedit.pipeline.types import EditFailed, FileChange

from tests.fakes.anthropic_server import Reply, fake_anthropic
from tests.fakes.openai_server import Chat, fake_openai
from tests.unit.pipeline.test_run import FILES, PLAN, RENAMED, SKETCHES, file_of, index, workspace

__all__ = ["index", "workspace"]  # fixtures
BAD = "# ...\ndef nowhere():\n    pass\n# ... existing code ...\ndef elsewhere():\n    pass\n# ...\n"
LOCAL = "ollama:qwen2.5-coder:7b"
STRONG = "claude-sonnet-5-5"


def local_file(body: dict[str, Any]) -> str | None:
    found = re.search(r"^File: (\S+) \(", body["messages"][-1]["content"], re.M)
    return found.group(1) if found else None


def claude(body: dict[str, Any]) -> Reply:
    path = file_of(body)
    return (
        Reply.tool("submit_plan", PLAN)
        if path is None
        else Reply.tool("edit_file", {"path": path, "sketch": SKETCHES[path]})
    )


async def run(
    index: IndexService,
    local: Callable[[dict[str, Any]], Chat],
    monkeypatch: pytest.MonkeyPatch,
    providers: dict[str, Any] | None = None,
    **config: Any,
) -> tuple[list[FileChange] | EditFailed, EditRun, Any, Any]:
    with fake_anthropic(claude) as (url, anthropic_state), fake_openai(local) as (local_url, local_state):
        monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test")
        monkeypatch.setenv("ANTHROPIC_BASE_URL", url)
        monkeypatch.setenv("POLYEDIT_OLLAMA_BASE_URL", local_url)
        monkeypatch.setenv("OPENAI_BASE_URL", local_url)
        providers = providers or {}
        models = ModelRouter(providers, price_table(Settings(providers=providers), providers), backoff_s=0)
        edit_run = EditRun(
            index,
            models,
            RunConfig(**{"plan_model": STRONG, "generate_models": (LOCAL, STRONG), **config}),
            lambda m: None,
        )
        try:
            result: list[FileChange] | EditFailed = await edit_run.run("rename fetch_user to load_user")
        except EditFailed as failure:
            result = failure
        return result, edit_run, anthropic_state, local_state


def tool_call(path: str, sketch: str) -> Chat:
    return Chat.tool("edit_file", {"path": path, "sketch": sketch})


async def test_cascade_starts_on_the_local_model_and_escalates_to_anthropic(
    index: IndexService, monkeypatch: pytest.MonkeyPatch
) -> None:
    def local(body: dict[str, Any]) -> Chat:
        path = str(local_file(body))
        return tool_call(path, BAD if path == "app/users.py" else SKETCHES[path])

    changes, edit_run, anthropic_state, local_state = await run(index, local, monkeypatch)
    assert isinstance(changes, list) and {c.path: c.new_text for c in changes} == RENAMED
    assert {c.path: c.model for c in changes}["app/users.py"] == STRONG
    assert {c.path: c.model for c in changes}["app/views.py"] == LOCAL
    # The local model had users.py twice (the second time with the refusal), then Claude had it once.
    assert sorted(local_file(b) for b in local_state.requests).count("app/users.py") == 2
    assert [file_of(b) for b in anthropic_state.requests] == [None, "app/users.py"]
    assert {b["model"] for b in local_state.requests} == {"qwen2.5-coder:7b"}
    local_phases = [p for p in edit_run.trace.phases if p.model == LOCAL]
    assert len(local_phases) == 4 and all(p.cost_usd == 0 and p.input_tokens == 100 for p in local_phases)
    assert edit_run.trace.cost_usd > 0  # Claude's calls are paid for


async def test_a_local_model_without_tool_calling_answers_in_the_text_protocol(
    index: IndexService, monkeypatch: pytest.MonkeyPatch
) -> None:
    def local(body: dict[str, Any]) -> Chat:
        assert "tools" not in body
        path = str(local_file(body))
        call = {"tool": "edit_file", "input": {"path": path, "sketch": SKETCHES[path]}}
        return Chat.text(f"Here is the edit.\n```json\n{json.dumps(call)}\n```\n")

    changes, _, anthropic_state, local_state = await run(index, local, monkeypatch, {"ollama": {"tools": False}})
    assert isinstance(changes, list) and {c.path: c.new_text for c in changes} == RENAMED
    assert len(local_state.requests) == 3 and len(anthropic_state.requests) == 1  # the plan only
    assert "fenced JSON block" in local_state.requests[0]["messages"][0]["content"]


async def test_a_malformed_text_protocol_reply_escalates_with_its_reason(
    index: IndexService, monkeypatch: pytest.MonkeyPatch
) -> None:
    changes, _, anthropic_state, _ = await run(
        index, lambda body: Chat.text("I renamed it."), monkeypatch, {"ollama": {"tools": False}}
    )
    assert isinstance(changes, list) and {c.path: c.new_text for c in changes} == RENAMED
    assert len(anthropic_state.requests) == 4 and all(c.model == STRONG for c in changes)


async def test_the_apply_fallback_rescues_a_refused_sketch(
    index: IndexService, monkeypatch: pytest.MonkeyPatch
) -> None:
    def local(body: dict[str, Any]) -> Chat:
        if "tools" in body:
            path = str(local_file(body))
            return tool_call(path, BAD if path == "app/users.py" else SKETCHES[path])
        return Chat.text(f"```python\n{RENAMED['app/users.py']}```")  # the apply model: the whole merged file

    changes, edit_run, _, local_state = await run(
        index, local, monkeypatch, generate_models=(LOCAL,), apply_fallback="ollama:fast-apply"
    )
    assert isinstance(changes, list) and {c.path: c.new_text for c in changes} == RENAMED
    users = next(c for c in changes if c.path == "app/users.py")
    assert users.tier == "llm" and users.model == LOCAL
    merge_calls = [b for b in local_state.requests if b["model"] == "fast-apply"]
    assert len(merge_calls) == 1 and BAD in merge_calls[0]["messages"][-1]["content"]
    assert [p.phase for p in edit_run.trace.phases].count("apply") == 1


async def test_a_bad_apply_fallback_answer_is_checked_and_the_cascade_goes_on(
    index: IndexService, monkeypatch: pytest.MonkeyPatch
) -> None:
    def local(body: dict[str, Any]) -> Chat:
        if "tools" in body:
            return tool_call(str(local_file(body)), BAD)
        return Chat.text("```python\ndef a():\n    pass\n```")  # drops most of the file: the checks refuse it

    failure, _, _, _ = await run(
        index, local, monkeypatch, generate_models=(LOCAL,), apply_fallback="ollama:fast-apply"
    )
    assert isinstance(failure, EditFailed) and failure.phase == "apply"
    assert "the apply fallback ollama:fast-apply failed too" in failure.reason


async def test_the_budget_counts_the_tokens_of_free_models(
    index: IndexService, monkeypatch: pytest.MonkeyPatch
) -> None:
    failure, edit_run, _, local_state = await run(
        index,
        lambda body: Chat.tool("submit_plan", PLAN),
        monkeypatch,
        plan_model="ollama:planner",
        max_tokens_total=100,
    )
    assert isinstance(failure, EditFailed) and failure.phase == "budget" and "120 of 100 tokens" in failure.reason
    assert edit_run.trace.cost_usd == 0 and len(local_state.requests) == 1


@pytest.mark.parametrize(
    ("fault", "words"),
    [
        (Chat.failure(401, "Incorrect API key provided"), "openai rejected the API key (HTTP 401)"),
        (Chat.failure(429, "You exceeded your current quota"), "spend limit"),
        (Chat.failure(400, "model not found"), "openai refused the request (HTTP 400)"),
    ],
)
async def test_faults_of_the_new_provider_stop_the_run_with_a_clear_message(
    index: IndexService, monkeypatch: pytest.MonkeyPatch, workspace: Any, fault: Chat, words: str
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai-test")
    failure, edit_run, _, local_state = await run(
        index, lambda body: fault, monkeypatch, generate_models=("openai:gpt-4.1-mini", STRONG)
    )
    assert isinstance(failure, EditFailed) and failure.phase == "generate" and words in failure.reason
    assert edit_run.trace.outcome == "failed" and len(local_state.requests) <= 3  # one per file, never retried
    assert all((workspace / rel).read_text() == text for rel, text in FILES.items())
