"""Claude through the official ``anthropic`` SDK: one streamed call per attempt, tool use, prompt caching.

The key is read from the endpoint's variable (``ANTHROPIC_API_KEY`` unless configured otherwise) when the client is
made, never logged. Retries, timeouts, ``max_tokens`` and the judging of replies are the shared policy's
(``models/policy.py``); the SDK's own retries are off so that only that policy decides.
"""

from __future__ import annotations

import json
from typing import Any

import anthropic

from polyedit.models.policy import status_error
from polyedit.models.specs import PRESETS, Endpoint
from polyedit.models.types import ModelError, ModelRequest, RawReply, ToolCall, Usage

_STOP = {"end_turn": "end", "stop_sequence": "end", "tool_use": "tool_use", "max_tokens": "max_tokens"}


class AnthropicTransport:
    def __init__(self, endpoint: Endpoint = PRESETS["anthropic"], timeout_s: float = 120.0) -> None:
        self.endpoint = endpoint
        self.timeout_s = timeout_s
        self._client: anthropic.AsyncAnthropic | None = None

    def client(self) -> anthropic.AsyncAnthropic:
        if self._client is None:
            problem = self.endpoint.missing_key()
            if problem:
                raise ModelError("auth", problem)
            self._client = anthropic.AsyncAnthropic(
                # Always a key of our choosing: left None, the SDK would send ANTHROPIC_API_KEY to a custom endpoint.
                api_key=self.endpoint.key() or "not-needed",
                base_url=self.endpoint.base_url,
                max_retries=0,
                timeout=self.timeout_s,
            )
        return self._client

    async def attempt(self, request: ModelRequest, max_tokens: int) -> RawReply:
        """One streamed call; leaving this (cancellation included) closes the stream."""
        params = _params(request, max_tokens)
        try:
            async with self.client().messages.stream(**params) as stream:
                message = await stream.get_final_message()
        except anthropic.APIStatusError as exc:
            raise self._status(exc) from exc
        except anthropic.APITimeoutError as exc:
            raise ModelError("timeout", f"no answer from the model within {self.timeout_s:g} s") from exc
        except anthropic.APIConnectionError as exc:
            raise ModelError("network", f"cannot reach the model API ({exc.__class__.__name__})") from exc
        except (ValueError, KeyError) as exc:  # malformed stream data (e.g. tool input that is not JSON)
            raise ModelError("malformed", f"the model's reply could not be read: {exc}") from exc
        if message.stop_reason is None:  # the stream ended before message_delta: a cut connection
            raise ModelError("network", "the reply stream ended before the message was complete")
        text = "".join(block.text for block in message.content if block.type == "text")
        calls = []
        for block in message.content:
            if block.type == "tool_use":
                if not isinstance(block.input, dict):
                    raise ModelError("malformed", f"tool {block.name} was called with input that is not an object")
                calls.append(ToolCall(block.name, dict(block.input)))
        stop = _STOP.get(str(message.stop_reason), str(message.stop_reason))
        return RawReply(text, tuple(calls), stop, _usage(message.usage))

    async def list_models(self, timeout_s: float) -> list[str]:
        try:
            page = await self.client().with_options(timeout=timeout_s).models.list()
            return [m.id for m in page.data]
        except anthropic.APIStatusError as exc:
            raise self._status(exc) from exc
        except anthropic.APITimeoutError as exc:
            raise ModelError("timeout", f"{self.endpoint.name} did not answer within {timeout_s:g} s") from exc
        except anthropic.APIConnectionError as exc:
            raise ModelError("network", f"cannot reach {self.endpoint.name} ({exc.__class__.__name__})") from exc

    def _status(self, exc: anthropic.APIStatusError) -> ModelError:
        headers = exc.response.headers if exc.response is not None else None
        return status_error(exc.status_code, _error_message(exc), headers, self.endpoint.name, self.endpoint.key_env)


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
