"""One call policy for every provider: retries, timeout, ``max_tokens``, refusal/empty replies, cost.

Transports (one per SDK) make a single attempt and classify what went wrong with ``status_error`` and the
``ModelError`` kinds; everything that decides what to do about it lives here, written once. The SDKs' own retries
are off (``max_retries=0``) so that only this policy decides: 429 (unless it reports a spend limit), 5xx, 529,
overload, network faults and cut streams are retried with backoff (honouring ``retry-after``); 400, 401, 403 and a
spend-limit 429 are not. A reply cut at ``max_tokens`` is retried once with twice the limit, then reported.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import replace

from polyedit.models.pricing import Price, cost_usd
from polyedit.models.types import ModelError, ModelReply, ModelRequest, RawReply, Transport, Usage

log = logging.getLogger(__name__)

# A timeout is not retried: the call already waited its whole allowance.
RETRIED = frozenset({"rate_limit", "overloaded", "server", "network"})
MAX_RETRY_AFTER_S = 60.0
_SPEND_WORDS = ("spend limit", "credit balance", "billing", "usage limit", "quota", "insufficient credits")


class RetryPolicy:
    """A ``ModelProvider`` made of a transport and the shared policy; ``price`` gives a model's price."""

    def __init__(
        self,
        transport: Transport,
        price: Callable[[str], Price],
        timeout_s: float = 120.0,
        max_attempts: int = 4,
        backoff_s: float = 1.0,
        max_tokens_cap: int = 32_000,
    ) -> None:
        self.transport = transport
        self.price = price
        self.timeout_s = timeout_s
        self.max_attempts = max_attempts
        self.backoff_s = backoff_s
        self.max_tokens_cap = max_tokens_cap

    async def complete(self, request: ModelRequest) -> ModelReply:
        started = time.monotonic()
        max_tokens = request.max_tokens
        usage = Usage()
        notes: list[str] = []
        attempt = 0
        limit_raised = False
        while True:
            attempt += 1
            try:
                raw = await self._attempt(request, max_tokens)
            except ModelError as error:
                retry_in = self._retry_delay(error, attempt)
                if retry_in is None:
                    raise
                notes.append(f"attempt {attempt}: {error.message}; retrying in {retry_in:.1f} s")
                log.info("model call to %s failed (%s); retrying in %.1f s", request.model, error.kind, retry_in)
                await asyncio.sleep(retry_in)
                continue
            usage = usage + raw.usage
            if raw.stop_reason == "max_tokens":
                if max_tokens * 2 <= self.max_tokens_cap and not limit_raised:
                    notes.append(f"reply cut at max_tokens={max_tokens}; retried with {max_tokens * 2}")
                    max_tokens, limit_raised = max_tokens * 2, True
                    continue
                raise ModelError("max_tokens", f"the reply was cut at max_tokens={max_tokens} twice; nothing used")
            break
        reply = self._reply(request, raw, usage, time.monotonic() - started, attempt, notes)
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

    async def _attempt(self, request: ModelRequest, max_tokens: int) -> RawReply:
        """One attempt within the timeout; cancelling the caller cancels it (and closes its stream)."""
        try:
            async with asyncio.timeout(self.timeout_s):
                return await self.transport.attempt(request, max_tokens)
        except TimeoutError as exc:
            raise ModelError("timeout", f"no answer from the model within {self.timeout_s:g} s") from exc

    def _retry_delay(self, error: ModelError, attempt: int) -> float | None:
        if attempt >= self.max_attempts or error.kind not in RETRIED:
            return None
        if error.retry_after_s is not None:
            return min(error.retry_after_s, MAX_RETRY_AFTER_S)
        return float(self.backoff_s * 2 ** (attempt - 1))

    def _reply(
        self, request: ModelRequest, raw: RawReply, usage: Usage, seconds: float, attempts: int, notes: list[str]
    ) -> ModelReply:
        if raw.stop_reason == "refusal":
            raise ModelError("refusal", f"the model declined: {raw.text.strip() or 'no reason given'}")
        if not raw.text.strip() and not raw.tool_calls:
            raise ModelError("empty", "the model answered with nothing")
        return ModelReply(
            model=request.model,
            text=raw.text,
            tool_calls=raw.tool_calls,
            stop_reason=raw.stop_reason,
            usage=usage,
            cost_usd=cost_usd(usage, self.price(request.model)),
            seconds=round(seconds, 3),
            attempts=attempts,
            notes=tuple(notes),
        )


def status_error(
    status: int, detail: str, headers: Mapping[str, str] | None, provider: str, key_env: str
) -> ModelError:
    """An HTTP error status as a ``ModelError`` whose kind the policy judges; the same table for every SDK."""
    if status in (401, 403):
        check = f" Check {key_env}." if key_env else ""
        return ModelError("auth", f"{provider} rejected the API key (HTTP {status}): {detail}.{check}")
    if status == 402 or (status == 429 and any(word in detail.lower() for word in _SPEND_WORDS)):
        return ModelError("spend_limit", f"the {provider} account's spend limit is reached: {detail}")
    if status == 429:
        return ModelError("rate_limit", f"{provider} rate limited the call (HTTP 429): {detail}", retry_after(headers))
    if status == 529 or "overloaded" in detail.lower():
        return ModelError("overloaded", f"{provider} is overloaded: {detail}")
    if status >= 500:
        return ModelError("server", f"{provider} failed (HTTP {status}): {detail}")
    return ModelError("bad_request", f"{provider} refused the request (HTTP {status}): {detail}")


def retry_after(headers: Mapping[str, str] | None) -> float | None:
    """Seconds from ``retry-after-ms`` or ``retry-after``; an HTTP date instead of seconds lets the backoff decide."""
    if not headers:
        return None
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(name)
        if value:
            try:
                return float(value) * scale
            except ValueError:
                continue
    return None


def with_model(request: ModelRequest, model: str) -> ModelRequest:
    return replace(request, model=model)
