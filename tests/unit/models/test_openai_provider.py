"""The OpenAI-compatible transport inside the shared policy drives the real ``openai`` SDK against a loopback
chat-completions server: streaming, tool calls, the text protocol, and each fault of the policy."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import pytest
from polyedit.config import Settings
from polyedit.models.registry import ModelRouter, price_table
from polyedit.models.types import ModelError, ModelRequest, Tool

from tests.fakes.openai_server import Chat, FakeOpenAI, fake_openai

KEY = "sk-openai-test-key-never-logged"
PLAN_TOOL = Tool("submit_plan", "Submit the plan.", {"type": "object", "properties": {"summary": {"type": "string"}}})


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[list[Chat], FakeOpenAI]]:
    replies: list[Chat] = []
    with fake_openai(replies) as (url, state):
        state.replies = replies  # the test appends before calling
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", url)
        monkeypatch.setenv("POLYEDIT_OLLAMA_BASE_URL", url)
        yield replies, state


def router(**providers: dict[str, object]) -> ModelRouter:
    settings = Settings(providers=providers)
    return ModelRouter(providers, price_table(settings, providers), 10, max_attempts=3, backoff_s=0.0)


def request(model: str = "openai:gpt-4.1-mini", **kw: object) -> ModelRequest:
    base = {"model": model, "system": "You edit code.", "context": "CONTEXT", "prompt": "Go."}
    return ModelRequest(**{**base, **kw})  # type: ignore[arg-type]


async def test_streamed_text_usage_cost_and_stable_prefix_first(api: tuple[list[Chat], FakeOpenAI]) -> None:
    replies, state = api
    replies.append(Chat.text("done"))
    reply = await router().complete(request())
    assert reply.text == "done" and reply.model == "openai:gpt-4.1-mini"
    assert reply.usage.input_tokens == 100 and reply.usage.output_tokens == 20 and reply.cost_usd > 0
    sent = state.requests[0]
    assert sent["model"] == "gpt-4.1-mini" and sent["stream"] is True and sent["max_completion_tokens"] == 4096
    assert [m["content"] for m in sent["messages"]] == ["You edit code.", "CONTEXT", "Go."]
    assert state.headers[0]["authorization"] == f"Bearer {KEY}"


async def test_tool_calls_are_streamed_and_forced(api: tuple[list[Chat], FakeOpenAI]) -> None:
    replies, state = api
    replies.append(Chat.tool("submit_plan", {"summary": "rename fetch_user, a longer summary than one part"}))
    reply = await router().complete(request(tools=(PLAN_TOOL,), force_tool="submit_plan"))
    assert reply.tool_calls[0].name == "submit_plan"
    assert reply.tool_calls[0].input == {"summary": "rename fetch_user, a longer summary than one part"}
    assert state.requests[0]["tool_choice"] == {"type": "function", "function": {"name": "submit_plan"}}
    assert state.requests[0]["tools"][0]["function"]["parameters"] == PLAN_TOOL.input_schema


async def test_a_local_model_is_free_needs_no_key_and_keeps_its_colons(api: tuple[list[Chat], FakeOpenAI]) -> None:
    replies, state = api
    replies.append(Chat.text("ok"))
    reply = await router().complete(request("ollama:qwen2.5-coder:7b"))
    assert reply.cost_usd == 0 and reply.usage.input_tokens == 100
    assert state.requests[0]["model"] == "qwen2.5-coder:7b" and state.requests[0]["max_tokens"] == 4096
    assert state.headers[0]["authorization"] != f"Bearer {KEY}"  # the OpenAI key never goes to another server


@pytest.mark.parametrize(
    "fault",
    [
        Chat.failure(429, "Rate limit reached", retry_after="0"),
        Chat.failure(429, "Rate limit reached", retry_after_ms="10"),
        Chat.failure(500, "Internal error"),
        Chat.failure(503, "The server is overloaded"),
        Chat(content="partial answer", fault="cut"),
        Chat(content="partial answer", fault="error-event"),
    ],
    ids=["429-retry-after", "429-retry-after-ms", "500", "503-overloaded", "cut-stream", "error-event-mid-stream"],
)
async def test_transient_faults_are_retried(api: tuple[list[Chat], FakeOpenAI], fault: Chat) -> None:
    replies, state = api
    replies += [fault, Chat.text("ok")]
    reply = await router().complete(request())
    assert reply.text == "ok" and reply.attempts == 2 and len(state.requests) == 2 and reply.notes


async def test_an_unreachable_server_is_retried_then_named() -> None:
    with fake_openai([]) as (url, _):
        pass  # closed again at once: nothing listens there now
    providers = {"box": {"base_url": url, "local": True}}
    with pytest.raises(ModelError) as info:
        await router(**providers).complete(request("box:m"))
    assert info.value.kind == "network" and f"cannot reach box at {url}" in info.value.message


@pytest.mark.parametrize(
    ("fault", "kind"),
    [
        (Chat.failure(401, "Incorrect API key provided"), "auth"),
        (Chat.failure(403, "forbidden"), "auth"),
        (Chat.failure(429, "You exceeded your current quota, please check your plan and billing"), "spend_limit"),
        (Chat.failure(402, "Insufficient credits"), "spend_limit"),
        (Chat.failure(400, "bad request"), "bad_request"),
    ],
)
async def test_faults_that_are_never_retried(api: tuple[list[Chat], FakeOpenAI], fault: Chat, kind: str) -> None:
    replies, state = api
    replies += [fault, Chat.text("should not be reached")]
    with pytest.raises(ModelError) as info:
        await router().complete(request())
    assert info.value.kind == kind and len(state.requests) == 1
    if kind == "auth":
        assert "openai" in info.value.message and "OPENAI_API_KEY" in info.value.message


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        (Chat(refusal="I can't help with that."), "refusal"),
        (Chat(content="", finish_reason="content_filter"), "refusal"),
        (Chat.text(""), "empty"),
        (Chat.tool("submit_plan", '{"summary": "x", broken'), "malformed"),
        (Chat.text("cut", finish_reason="length"), "max_tokens"),
    ],
)
async def test_unusable_replies(api: tuple[list[Chat], FakeOpenAI], reply: Chat, kind: str) -> None:
    replies, _ = api
    replies += [reply, reply]  # max_tokens is tried twice
    with pytest.raises(ModelError) as info:
        await router().complete(request(tools=(PLAN_TOOL,)))
    assert info.value.kind == kind and info.value.message


async def test_without_tool_calling_the_text_protocol_is_used(api: tuple[list[Chat], FakeOpenAI]) -> None:
    replies, state = api
    replies.append(Chat.text('Here:\n```json\n{"tool": "submit_plan", "input": {"summary": "s"}}\n```'))
    providers = {"ollama": {"tools": False}}
    reply = await router(**providers).complete(request("ollama:tiny", tools=(PLAN_TOOL,), force_tool="submit_plan"))
    assert reply.tool_calls[0].name == "submit_plan" and reply.tool_calls[0].input == {"summary": "s"}
    sent = state.requests[0]
    assert "tools" not in sent and "submit_plan" in sent["messages"][0]["content"]


async def test_a_text_protocol_reply_that_does_not_parse_is_malformed(api: tuple[list[Chat], FakeOpenAI]) -> None:
    replies, _ = api
    replies.append(Chat.text("I would rename the function."))
    with pytest.raises(ModelError) as info:
        await router(ollama={"tools": False}).complete(request("ollama:tiny", tools=(PLAN_TOOL,)))
    assert info.value.kind == "malformed" and "no fenced JSON block" in info.value.message


async def test_a_server_without_tools_for_the_model_switches_to_the_text_protocol(
    api: tuple[list[Chat], FakeOpenAI],
) -> None:
    replies, state = api
    replies += [
        Chat.failure(400, "registry.ollama.ai/library/tiny:latest does not support tools"),
        Chat.text('```json\n{"tool": "submit_plan", "input": {"summary": "s"}}\n```'),
        Chat.text('```json\n{"tool": "submit_plan", "input": {"summary": "t"}}\n```'),
    ]
    models = router()
    first = await models.complete(request("ollama:tiny", tools=(PLAN_TOOL,)))
    second = await models.complete(request("ollama:tiny", tools=(PLAN_TOOL,)))
    assert first.tool_calls[0].input == {"summary": "s"} and second.tool_calls[0].input == {"summary": "t"}
    assert "tools" in state.requests[0] and "tools" not in state.requests[1] and "tools" not in state.requests[2]


async def test_missing_key_names_the_provider_and_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENROUTER_API_KEY", raising=False)
    with pytest.raises(ModelError) as info:
        await router().complete(request("openrouter:qwen/qwen3-coder"))
    assert info.value.kind == "auth" and "OPENROUTER_API_KEY" in info.value.message
    assert "openrouter provider" in info.value.message


async def test_cancellation_stops_the_call(api: tuple[list[Chat], FakeOpenAI]) -> None:
    replies, state = api
    replies.append(Chat(content="slow", fault="hang"))
    task = asyncio.ensure_future(router().complete(request()))
    while not state.requests:
        await asyncio.sleep(0.01)  # wait until the server has the request
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_key_is_never_logged(api: tuple[list[Chat], FakeOpenAI], caplog: pytest.LogCaptureFixture) -> None:
    replies, _ = api
    replies += [Chat.failure(500, "down"), Chat.text("ok")]
    with caplog.at_level(logging.DEBUG):
        await router().complete(request())
    assert caplog.records and KEY not in caplog.text


async def test_a_server_that_stops_answering_times_out_once(api: tuple[list[Chat], FakeOpenAI]) -> None:
    replies, state = api
    replies += [Chat(content="slow", fault="hang"), Chat.text("not reached")]
    models = ModelRouter({}, price_table(Settings(), {}), 0.5, max_attempts=3, backoff_s=0.0)
    with pytest.raises(ModelError) as info:
        await models.complete(request())
    assert info.value.kind == "timeout" and "0 s" not in info.value.message and len(state.requests) == 1
