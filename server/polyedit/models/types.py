"""What a model call takes and gives back, whatever the provider."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class Usage:
    input_tokens: int = 0
    output_tokens: int = 0
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            self.input_tokens + other.input_tokens,
            self.output_tokens + other.output_tokens,
            self.cache_read_tokens + other.cache_read_tokens,
            self.cache_write_tokens + other.cache_write_tokens,
        )


@dataclass(frozen=True)
class Tool:
    name: str
    description: str
    input_schema: dict[str, Any]


@dataclass(frozen=True)
class ModelRequest:
    """``system`` and ``context`` form the stable prefix (cached); ``prompt`` is what changes between calls."""

    model: str
    system: str
    prompt: str
    context: str = ""
    tools: tuple[Tool, ...] = ()
    force_tool: str | None = None
    max_tokens: int = 4096


@dataclass(frozen=True)
class ToolCall:
    name: str
    input: dict[str, Any]


@dataclass(frozen=True)
class ModelReply:
    model: str
    text: str
    tool_calls: tuple[ToolCall, ...]
    stop_reason: str
    usage: Usage
    cost_usd: float
    seconds: float
    attempts: int = 1
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class RawReply:
    """One attempt's answer as a transport reads it, before the shared policy judges it.

    ``stop_reason`` is normalised: ``end`` | ``tool_use`` | ``max_tokens`` | ``refusal``."""

    text: str
    tool_calls: tuple[ToolCall, ...]
    stop_reason: str
    usage: Usage


class ModelError(Exception):
    """A call that produced nothing usable. ``kind`` says why in one word; ``message`` is for the user."""

    def __init__(self, kind: str, message: str, retry_after_s: float | None = None) -> None:
        super().__init__(message)
        self.kind = kind  # auth | spend_limit | rate_limit | overloaded | server | network | timeout |
        # max_tokens | refusal | empty | malformed | bad_request
        self.message = message
        self.retry_after_s = retry_after_s  # the server's retry-after hint, when it gave one


class ModelProvider(Protocol):
    async def complete(self, request: ModelRequest) -> ModelReply:
        """One model call. Raises ``ModelError``; cancelling the task stops the call and closes its stream."""
        ...


class Transport(Protocol):
    """One SDK behind the shared policy (``models/policy.py``): a single attempt, no retries of its own."""

    async def attempt(self, request: ModelRequest, max_tokens: int) -> RawReply:
        """One streamed call. Raises ``ModelError`` with a kind the policy can judge."""
        ...

    async def list_models(self, timeout_s: float) -> list[str]:
        """The server's model list (sends no code): how ``polyedit doctor`` sees that an endpoint answers."""
        ...
