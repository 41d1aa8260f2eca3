"""Claude through the official ``anthropic`` SDK: streaming, tool use, prompt caching, cost, and our retry policy.

``ANTHROPIC_API_KEY`` and ``ANTHROPIC_BASE_URL`` are read by the SDK from the environment; the key is never logged.
The SDK's own retries are off (``max_retries=0``) so that one policy decides: 429 (unless it reports a spend
limit), 5xx, 529 and network faults are retried with backoff (honouring ``retry-after``); 400, 401, 403 and a
spend-limit 429 are not. A reply cut at ``max_tokens`` is retried once with twice the limit, then reported.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from typing import Any

import anthropic

from polyedit.models.pricing import Price, cost_usd
from polyedit.models.types import ModelError, ModelReply, ModelRequest, ToolCall, Usage

log = logging.getLogger(__name__)

NO_KEY = (
    "ANTHROPIC_API_KEY is not set: export ANTHROPIC_API_KEY=sk-ant-... (or set it in your editor's polyedit settings). "
    "Without it, polyedit index, search and apply still work."
)
_SPEND_WORDS = ("spend limit", "credit balance", "billing", "usage limit", "quota")
MAX_RETRY_AFTER_S = 60.0


class AnthropicProvider:
    def __init__(
        self,
        timeout_s: float = 120.0,
        max_attempts: int = 4,
        backoff_s: float = 1.0,
        prices: dict[str, Price] | None = None,
        max_tokens_cap: int = 32_000,
    ) -> None:
        self.timeout_s = timeout_s
        self.max_attempts = max_attempts
        self.backoff_s = backoff_s
        self.prices = prices
        self.max_tokens_cap = max_tokens_cap
        self._client: anthropic.AsyncAnthropic | None = None

    def client(self) -> anthropic.AsyncAnthropic:
        if self._client is None:
            if not os.environ.get("ANTHROPIC_API_KEY"):
                raise ModelError("auth", NO_KEY)
            self._client = anthropic.AsyncAnthropic(max_retries=0, timeout=self.timeout_s)
        return self._client

    async def complete(self, request: ModelRequest) -> ModelReply:
        started = time.monotonic()
        client = self.client()
        max_tokens = request.max_tokens
        usage = Usage()
        notes: list[str] = []
        attempt = 0
        limit_raised = False
        while True:
            attempt += 1
            try:
                message = await self._stream(client, request, max_tokens)
            except ModelError as error:
                retry_in = self._retry_delay(error, attempt)
                if retry_in is None:
                    raise
                notes.append(f"attempt {attempt}: {error.message}; retrying in {retry_in:.1f} s")
                log.info("model call to %s failed (%s); retrying in %.1f s", request.model, error.kind, retry_in)
                await asyncio.sleep(retry_in)
                continue
            usage = usage + _usage(message.usage)
            if message.stop_reason == "max_tokens":
                if max_tokens * 2 <= self.max_tokens_cap and not limit_raised:
                    notes.append(f"reply cut at max_tokens={max_tokens}; retried with {max_tokens * 2}")
                    max_tokens, limit_raised = max_tokens * 2, True
                    continue
                raise ModelError("max_tokens", f"the reply was cut at max_tokens={max_tokens} twice; nothing used")
            break
        reply = self._reply(request, message, usage, time.monotonic() - started, attempt, notes)
        log.info(
            "model %s: %d in (%d cached) / %d out tokens, $%.4f, %.1f s",
            reply.model,
            usage.input_tokens,
            usage.cache_read_tokens,
            usage.output_tokens,
            reply.cost_usd,
            reply.seconds,
        )
        return reply

    async def _stream(self, client: anthropic.AsyncAnthropic, request: ModelRequest, max_tokens: int) -> Any:
        """One streamed call; leaving this (cancellation included) closes the stream."""
        params = _params(request, max_tokens)
        try:
            async with client.messages.stream(**params) as stream:
                message = await stream.get_final_message()
            if message.stop_reason is None:  # the stream ended before message_delta: a cut connection
                raise ModelError("network", "the reply stream ended before the message was complete")
            return message
        except anthropic.APIStatusError as exc:
            raise _status_error(exc) from exc
        except anthropic.APITimeoutError as exc:
            raise ModelError("timeout", f"no answer from the model within {self.timeout_s:.0f} s") from exc
        except anthropic.APIConnectionError as exc:
            raise ModelError("network", f"cannot reach the model API ({exc.__class__.__name__})") from exc
        except (ValueError, KeyError) as exc:  # malformed stream data (e.g. tool input that is not JSON)
            raise ModelError("malformed", f"the model's reply could not be read: {exc}") from exc

    def _retry_delay(self, error: ModelError, attempt: int) -> float | None:
        if attempt >= self.max_attempts or error.kind not in ("rate_limit", "overloaded", "server", "network"):
            return None
        if error.retry_after_s is not None:
            return min(error.retry_after_s, MAX_RETRY_AFTER_S)
        return float(self.backoff_s * 2 ** (attempt - 1))

    def _reply(
        self, request: ModelRequest, message: Any, usage: Usage, seconds: float, attempts: int, notes: list[str]
    ) -> ModelReply:
        text = "".join(block.text for block in message.content if block.type == "text")
        calls = []
        for block in message.content:
            if block.type == "tool_use":
                if not isinstance(block.input, dict):
                    raise ModelError("malformed", f"tool {block.name} was called with input that is not an object")
                calls.append(ToolCall(block.name, dict(block.input)))
        if message.stop_reason == "refusal":
            raise ModelError("refusal", f"the model declined: {text.strip() or 'no reason given'}")
        if not text.strip() and not calls:
            raise ModelError("empty", "the model answered with nothing")
        return ModelReply(
            model=request.model,
            text=text,
            tool_calls=tuple(calls),
            stop_reason=str(message.stop_reason),
            usage=usage,
            cost_usd=cost_usd(request.model, usage, self.prices),
            seconds=round(seconds, 3),
            attempts=attempts,
            notes=tuple(notes),
        )


def _params(request: ModelRequest, max_tokens: int) -> dict[str, Any]:
    """The stable prefix (system, then context) comes first and carries the cache breakpoint."""
    system: list[dict[str, Any]] = [{"type": "text", "text": request.system}]
    if request.context:
        system.append({"type": "text", "text": request.context})
    system[-1]["cache_control"] = {"type": "ephemeral"}
    params: dict[str, Any] = {
        "model": request.model,
        "max_tokens": max_tokens,
        "system": system,
        "messages": [{"role": "user", "content": request.prompt}],
    }
    if request.tools:
        params["tools"] = [
            {"name": t.name, "description": t.description, "input_schema": t.input_schema} for t in request.tools
        ]
        if request.force_tool:
            params["tool_choice"] = {"type": "tool", "name": request.force_tool}
    return params


def _usage(raw: Any) -> Usage:
    return Usage(
        input_tokens=int(raw.input_tokens or 0),
        output_tokens=int(raw.output_tokens or 0),
        cache_read_tokens=int(getattr(raw, "cache_read_input_tokens", 0) or 0),
        cache_write_tokens=int(getattr(raw, "cache_creation_input_tokens", 0) or 0),
    )


def _status_error(exc: anthropic.APIStatusError) -> ModelError:
    status = exc.status_code
    detail = _error_message(exc)
    if status in (401, 403):
        return ModelError("auth", f"the API key was rejected (HTTP {status}): {detail}. Check ANTHROPIC_API_KEY.")
    if status == 429:
        if any(word in detail.lower() for word in _SPEND_WORDS):
            return ModelError("spend_limit", f"the account's spend limit is reached: {detail}")
        header = exc.response.headers.get("retry-after") if exc.response is not None else None
        return ModelError("rate_limit", f"rate limited (HTTP 429): {detail}", _seconds(header))
    if status == 529 or "overloaded" in detail.lower():
        return ModelError("overloaded", f"the model API is overloaded: {detail}")
    if status >= 500:
        return ModelError("server", f"the model API failed (HTTP {status}): {detail}")
    return ModelError("bad_request", f"the model API refused the request (HTTP {status}): {detail}")


def _seconds(header: str | None) -> float | None:
    try:
        return float(header) if header else None
    except ValueError:  # an HTTP date instead of seconds: let the backoff decide
        return None


def _error_message(exc: anthropic.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            return str(inner["message"])
    try:
        return str(json.loads(exc.response.text)["error"]["message"])
    except Exception:  # any shape of error body: fall back to the SDK's text
        return str(exc.message)
