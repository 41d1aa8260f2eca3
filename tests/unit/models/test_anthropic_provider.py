"""The Anthropic transport inside the shared policy drives the real SDK against a loopback Messages API with
scripted replies and faults."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import pytest
from polyedit.models.anthropic_provider import AnthropicTransport
from polyedit.models.catalog import default_models, deprecated_models
from polyedit.models.policy import RetryPolicy
from polyedit.models.pricing import PriceTable
from polyedit.models.specs import endpoint
from polyedit.models.types import ModelError, ModelRequest, Tool

from tests.fakes.anthropic_server import FakeAnthropic, Reply, fake_anthropic

KEY = "sk-ant-test-key-never-logged"
PLAN_TOOL = Tool("submit_plan", "Submit the plan.", {"type": "object", "properties": {"summary": {"type": "string"}}})


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[list[Reply], FakeAnthropic]]:
    replies: list[Reply] = []
    with fake_anthropic(replies) as (url, state):
        state.replies = replies  # the test appends before calling
        monkeypatch.setenv("ANTHROPIC_API_KEY", KEY)
        monkeypatch.setenv("ANTHROPIC_BASE_URL", url)
        yield replies, state


def provider() -> RetryPolicy:
    transport = AnthropicTransport(endpoint("anthropic"), timeout_s=10)
    return RetryPolicy(transport, lambda m: PriceTable().price("anthropic", m), 10, max_attempts=3, backoff_s=0.0)


def request(**kw: object) -> ModelRequest:
    base = {"model": default_models()["cheap"], "system": "You edit code.", "context": "CONTEXT", "prompt": "Go."}
    return ModelRequest(**{**base, **kw})  # type: ignore[arg-type]


async def test_text_reply_usage_cost_and_cached_prefix(api: tuple[list[Reply], FakeAnthropic]) -> None:
    replies, state = api
    replies.append(Reply.text("done", cache_read_input_tokens=400))
    reply = await provider().complete(request())
    assert reply.text == "done" and reply.usage.input_tokens == 100 and reply.usage.cache_read_tokens == 400
    assert reply.cost_usd > 0
    sent = state.requests[0]
    assert sent["stream"] is True and sent["system"][-1]["cache_control"] == {"type": "ephemeral"}
    assert [b["text"] for b in sent["system"]] == ["You edit code.", "CONTEXT"]
    assert KEY in (state.headers[0].get("x-api-key", "") + state.headers[0].get("authorization", ""))


async def test_tool_use_reply_is_parsed(api: tuple[list[Reply], FakeAnthropic]) -> None:
    replies, state = api
    replies.append(Reply.tool("submit_plan", {"summary": "rename fetch_user"}))
    reply = await provider().complete(request(tools=(PLAN_TOOL,), force_tool="submit_plan"))
    assert reply.tool_calls[0].name == "submit_plan" and reply.tool_calls[0].input == {"summary": "rename fetch_user"}
    assert state.requests[0]["tool_choice"] == {"type": "tool", "name": "submit_plan"}


@pytest.mark.parametrize(
    "fault",
    [
        Reply.failure(429, "rate_limit_error", "Too many requests", retry_after="0"),
        Reply.failure(529, "overloaded_error", "Overloaded"),
        Reply.failure(500, "api_error", "Internal error"),
        Reply(blocks=[{"type": "text", "text": "partial"}], fault="error-event"),
        Reply(blocks=[{"type": "text", "text": "partial"}], fault="drop"),
    ],
    ids=["429-retry-after", "529", "500", "error-event-mid-stream", "dropped-connection"],
)
async def test_transient_faults_are_retried(api: tuple[list[Reply], FakeAnthropic], fault: Reply) -> None:
    replies, state = api
    replies += [fault, Reply.text("ok")]
    reply = await provider().complete(request())
    assert reply.text == "ok" and reply.attempts == 2 and len(state.requests) == 2 and reply.notes


@pytest.mark.parametrize(
    ("fault", "kind"),
    [
        (Reply.failure(401, "authentication_error", "invalid x-api-key"), "auth"),
        (Reply.failure(403, "permission_error", "forbidden"), "auth"),
        (Reply.failure(429, "rate_limit_error", "You have reached your spend limit"), "spend_limit"),
        (Reply.failure(400, "invalid_request_error", "bad"), "bad_request"),
    ],
)
async def test_faults_that_are_never_retried(api: tuple[list[Reply], FakeAnthropic], fault: Reply, kind: str) -> None:
    replies, state = api
    replies += [fault, Reply.text("should not be reached")]
    with pytest.raises(ModelError) as info:
        await provider().complete(request())
    assert info.value.kind == kind and len(state.requests) == 1


async def test_retries_stop_after_max_attempts(api: tuple[list[Reply], FakeAnthropic]) -> None:
    replies, state = api
    replies += [Reply.failure(500, "api_error", "down")] * 5
    with pytest.raises(ModelError) as info:
        await provider().complete(request())
    assert info.value.kind == "server" and len(state.requests) == 3


async def test_max_tokens_retried_once_with_a_larger_limit_then_reported(
    api: tuple[list[Reply], FakeAnthropic],
) -> None:
    replies, state = api
    replies += [Reply.text("cut", stop_reason="max_tokens"), Reply.text("whole")]
    reply = await provider().complete(request(max_tokens=1000))
    assert reply.text == "whole" and state.requests[1]["max_tokens"] == 2000
    replies += [Reply.text("cut", stop_reason="max_tokens")] * 2
    with pytest.raises(ModelError) as info:
        await provider().complete(request(max_tokens=1000))
    assert info.value.kind == "max_tokens"


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        (Reply.text("I can't help with that.", stop_reason="refusal"), "refusal"),
        (Reply.text(""), "empty"),
        (Reply.tool("submit_plan", '{"summary": "x", broken'), "malformed"),
    ],
)
async def test_unusable_replies(api: tuple[list[Reply], FakeAnthropic], reply: Reply, kind: str) -> None:
    replies, _ = api
    replies.append(reply)
    with pytest.raises(ModelError) as info:
        await provider().complete(request(tools=(PLAN_TOOL,)))
    assert info.value.kind == kind and info.value.message


async def test_missing_key_says_how_to_set_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    with pytest.raises(ModelError) as info:
        await provider().complete(request())
    assert info.value.kind == "auth" and "export ANTHROPIC_API_KEY" in info.value.message


async def test_cancellation_stops_the_call(api: tuple[list[Reply], FakeAnthropic]) -> None:
    replies, state = api
    replies.append(Reply(blocks=[{"type": "text", "text": "slow"}], fault="hang"))
    task = asyncio.ensure_future(provider().complete(request()))
    while not state.requests:
        await asyncio.sleep(0.01)  # wait until the server has the request
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    state.release.set()


async def test_key_is_never_logged(api: tuple[list[Reply], FakeAnthropic], caplog: pytest.LogCaptureFixture) -> None:
    replies, _ = api
    replies += [Reply.failure(500, "api_error", "down"), Reply.text("ok")]
    with caplog.at_level(logging.DEBUG):
        await provider().complete(request())
    assert caplog.records and KEY not in caplog.text


def test_default_models_come_from_the_sdk_and_are_not_deprecated() -> None:
    models = default_models()
    assert {"haiku", "sonnet"} == {m.split("-")[1] for m in models.values()}
    deprecated = deprecated_models()
    assert deprecated, "the SDK's deprecation table was not found, so nothing is filtered"
    assert not set(models.values()) & set(deprecated)
