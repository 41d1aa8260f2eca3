"""OpenAI and every OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio, OpenRouter, Gemini's endpoint)
through the official ``openai`` SDK with a ``base_url``: one streamed chat completion per attempt.

Retries, timeouts and the judging of replies are the shared policy's (``models/policy.py``); this module only
speaks the protocol. Models without tool calling get the text protocol (``models/text_protocol.py``): when the
endpoint is configured ``tools = false``, or when the server answers that the model does not support tools (as
Ollama does), which is then remembered for that model.
"""

from __future__ import annotations

import json
from typing import Any

import openai

from polyedit.models import text_protocol
from polyedit.models.policy import status_error
from polyedit.models.specs import Endpoint
from polyedit.models.types import ModelError, ModelRequest, RawReply, ToolCall, Usage

_FINISH = {"stop": "end", "tool_calls": "tool_use", "function_call": "tool_use", "length": "max_tokens"}


class OpenAITransport:
    def __init__(self, endpoint: Endpoint, timeout_s: float = 120.0) -> None:
        self.endpoint = endpoint
        self.timeout_s = timeout_s
        self.text_only: set[str] = set()  # models the server said cannot call tools
        self._client: openai.AsyncOpenAI | None = None

    def client(self) -> openai.AsyncOpenAI:
        if self._client is None:
            problem = self.endpoint.missing_key()
            if problem:
                raise ModelError("auth", problem)
            self._client = openai.AsyncOpenAI(
                # Always a key of our choosing: left None, the SDK would send OPENAI_API_KEY to whatever server this
                # is. Local servers take any key, so a placeholder goes where none is needed.
                api_key=self.endpoint.key() or "not-needed",
                base_url=self.endpoint.base_url,
                max_retries=0,
                timeout=self.timeout_s,
            )
        return self._client

    async def attempt(self, request: ModelRequest, max_tokens: int) -> RawReply:
        native = self.endpoint.tools and request.model not in self.text_only
        try:
            return await self._stream(request, max_tokens, native)
        except ModelError as error:
            if native and request.tools and error.kind == "bad_request" and "tool" in error.message.lower():
                self.text_only.add(request.model)
                return await self._stream(request, max_tokens, False)
            raise

    async def list_models(self, timeout_s: float) -> list[str]:
        try:
            page = await self.client().with_options(timeout=timeout_s).models.list()
            return [m.id for m in page.data]
        except openai.APIStatusError as exc:
            raise self._status(exc) from exc
        except openai.APITimeoutError as exc:
            raise ModelError("timeout", f"{self.endpoint.name} did not answer within {timeout_s:g} s") from exc
        except openai.APIConnectionError as exc:
            raise ModelError("network", self._unreachable(exc)) from exc

    async def _stream(self, request: ModelRequest, max_tokens: int, native: bool) -> RawReply:
        params = _params(request, max_tokens, native, self.endpoint.name == "openai")
        text: list[str] = []
        refusal: list[str] = []
        calls: dict[int, dict[str, Any]] = {}
        finish: str | None = None
        usage = Usage()
        try:
            stream = await self.client().chat.completions.create(**params)
            try:
                async for chunk in stream:
                    if chunk.usage is not None:
                        usage = _usage(chunk.usage)
                    for choice in chunk.choices:
                        delta = choice.delta
                        text.append(delta.content or "")
                        refusal.append(delta.refusal or "")
                        for call in delta.tool_calls or ():
                            slot = calls.setdefault(call.index, {"name": "", "arguments": ""})
                            if call.function is not None:
                                slot["name"] += call.function.name or ""
                                slot["arguments"] += call.function.arguments or ""
                        finish = choice.finish_reason or finish
            finally:
                await stream.close()
        except openai.APIStatusError as exc:
            raise self._status(exc) from exc
        except openai.APITimeoutError as exc:
            raise ModelError("timeout", f"no answer from {self.endpoint.name} within {self.timeout_s:g} s") from exc
        except openai.APIConnectionError as exc:
            raise ModelError("network", self._unreachable(exc)) from exc
        except openai.APIError as exc:  # an error event in the middle of a stream
            raise ModelError("server", f"{self.endpoint.name} failed mid-reply: {exc.message}") from exc
        if finish is None:  # the stream ended before a choice finished: a cut connection
            raise ModelError("network", f"the reply stream from {self.endpoint.name} ended before it was complete")
        body = "".join(text)
        if "".join(refusal).strip() or finish == "content_filter":
            return RawReply("".join(refusal) or body, (), "refusal", usage)
        stop = _FINISH.get(finish, finish)
        if stop == "max_tokens":
            return RawReply(body, (), stop, usage)
        if native:
            parsed = tuple(_tool_call(slot) for _, slot in sorted(calls.items()))
        else:
            parsed = text_protocol.parse_calls(body, request)
        return RawReply(body, parsed, stop, usage)

    def _status(self, exc: openai.APIStatusError) -> ModelError:
        headers = exc.response.headers if exc.response is not None else None
        return status_error(exc.status_code, _detail(exc), headers, self.endpoint.name, self.endpoint.key_env)

    def _unreachable(self, exc: Exception) -> str:
        return f"cannot reach {self.endpoint.name} at {self.endpoint.base_url} ({exc.__class__.__name__})"


def _params(request: ModelRequest, max_tokens: int, native: bool, openai_itself: bool) -> dict[str, Any]:
    """System, then context: the stable prefix first, where OpenAI's automatic prompt cache finds it."""
    system = request.system if native else text_protocol.system_prompt(request)
    messages: list[dict[str, Any]] = [{"role": "system", "content": system}]
    if request.context:
        messages.append({"role": "system", "content": request.context})
    messages.append({"role": "user", "content": request.prompt})
    params: dict[str, Any] = {
        "model": request.model,
        "messages": messages,
        # OpenAI's reasoning models refuse max_tokens; compatible servers mostly know only max_tokens.
        "max_completion_tokens" if openai_itself else "max_tokens": max_tokens,
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    if native and request.tools:
        params["tools"] = [
            {
                "type": "function",
                "function": {"name": t.name, "description": t.description, "parameters": t.input_schema},
            }
            for t in request.tools
        ]
        if request.force_tool:
            params["tool_choice"] = {"type": "function", "function": {"name": request.force_tool}}
    return params


def _tool_call(slot: dict[str, Any]) -> ToolCall:
    try:
        arguments = json.loads(slot["arguments"] or "{}")
    except json.JSONDecodeError as exc:
        raise ModelError("malformed", f"tool {slot['name']} was called with arguments that are not JSON") from exc
    if not isinstance(arguments, dict):
        raise ModelError("malformed", f"tool {slot['name']} was called with input that is not an object")
    return ToolCall(slot["name"], arguments)


def _usage(raw: Any) -> Usage:
    """OpenAI counts cached tokens inside prompt_tokens; ours are apart, so each is priced once."""
    details = getattr(raw, "prompt_tokens_details", None)
    cached = int(getattr(details, "cached_tokens", 0) or 0)
    return Usage(
        input_tokens=int(raw.prompt_tokens or 0) - cached,
        output_tokens=int(raw.completion_tokens or 0),
        cache_read_tokens=cached,
    )


def _detail(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            return str(inner["message"])
        if isinstance(inner, str):
            return inner
    return str(exc.message)
