"""The shared call policy on its own: the status table every SDK's errors go through, retry-after, the retry
delays, and a timeout, with a plain-Python transport (the SDK-backed transports are tested against the fakes)."""

from __future__ import annotations

import asyncio

import pytest
from polyedit.models.policy import MAX_RETRY_AFTER_S, RetryPolicy, retry_after, status_error
from polyedit.models.pricing import FREE
from polyedit.models.types import ModelError, ModelRequest, RawReply, Usage


@pytest.mark.parametrize(
    ("status", "detail", "kind"),
    [
        (401, "invalid key", "auth"),
        (403, "forbidden", "auth"),
        (402, "Insufficient credits", "spend_limit"),
        (429, "You exceeded your current quota", "spend_limit"),
        (429, "Your credit balance is too low", "spend_limit"),
        (429, "Too many requests", "rate_limit"),
        (529, "Overloaded", "overloaded"),
        (503, "The engine is currently overloaded", "overloaded"),
        (500, "Internal error", "server"),
        (400, "bad", "bad_request"),
        (404, "model not found", "bad_request"),
    ],
)
def test_one_status_table_for_every_sdk(status: int, detail: str, kind: str) -> None:
    error = status_error(status, detail, {"retry-after": "7"}, "openrouter", "OPENROUTER_API_KEY")
    assert error.kind == kind and "openrouter" in error.message and detail in error.message
    assert error.retry_after_s == (7.0 if kind == "rate_limit" else None)
    if kind == "auth":
        assert "Check OPENROUTER_API_KEY" in error.message


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"retry-after": "3"}, 3.0),
        ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),
        ({"retry-after": "Wed, 21 Oct 2026 07:28:00 GMT"}, None),
        ({}, None),
        (None, None),
    ],
)
def test_retry_after(headers: dict[str, str] | None, seconds: float | None) -> None:
    assert retry_after(headers) == seconds


class Scripted:
    """A transport that answers from a script: a RawReply, a ModelError to raise, or "hang"."""

    def __init__(self, *script: RawReply | ModelError | str) -> None:
        self.script = list(script)
        self.max_tokens: list[int] = []

    async def attempt(self, request: ModelRequest, max_tokens: int) -> RawReply:
        self.max_tokens.append(max_tokens)
        step = self.script.pop(0)
        if isinstance(step, ModelError):
            raise step
        if step == "hang":
            await asyncio.Event().wait()
        assert isinstance(step, RawReply)
        return step

    async def list_models(self, timeout_s: float) -> list[str]:
        return []


def policy(transport: Scripted, **kw: float) -> RetryPolicy:
    return RetryPolicy(transport, lambda model: FREE, **{"backoff_s": 0.0, **kw})  # type: ignore[arg-type]


OK = RawReply("ok", (), "end", Usage(10, 2))
REQUEST = ModelRequest("m", "system", "prompt", max_tokens=1000)


def test_retry_delays_honour_retry_after_within_a_cap_else_back_off() -> None:
    slow = RetryPolicy(Scripted(), lambda model: FREE, backoff_s=1.0)
    assert slow._retry_delay(ModelError("rate_limit", "x", 7.0), 1) == 7.0
    assert slow._retry_delay(ModelError("rate_limit", "x", 600.0), 1) == MAX_RETRY_AFTER_S
    assert [slow._retry_delay(ModelError("server", "x"), n) for n in (1, 2, 3)] == [1.0, 2.0, 4.0]
    assert slow._retry_delay(ModelError("server", "x"), 4) is None  # max_attempts
    for kind in ("auth", "spend_limit", "bad_request", "timeout", "malformed", "refusal"):
        assert slow._retry_delay(ModelError(kind, "x"), 1) is None


async def test_usage_of_every_attempt_is_counted_and_max_tokens_doubles_once() -> None:
    transport = Scripted(RawReply("cut", (), "max_tokens", Usage(10, 1000)), OK)
    reply = await policy(transport).complete(REQUEST)
    assert reply.text == "ok" and reply.usage == Usage(20, 1002) and transport.max_tokens == [1000, 2000]


async def test_a_timeout_ends_the_attempt_and_is_not_retried() -> None:
    transport = Scripted("hang", OK)
    with pytest.raises(ModelError) as info:
        await policy(transport, timeout_s=0.05).complete(REQUEST)
    assert info.value.kind == "timeout" and len(transport.max_tokens) == 1
