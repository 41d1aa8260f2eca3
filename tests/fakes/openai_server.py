"""A loopback HTTP server speaking the OpenAI chat-completions API (JSON and server-sent events, tool calls, the
models list), so tests drive the real ``openai`` SDK through ``base_url``. Each request takes the next scripted
``Chat``, or ``router(request body)``'s; faults are replies too.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Chat:
    content: str = ""
    tool_calls: list[tuple[str, dict[str, Any] | str]] = field(default_factory=list)  # (name, arguments)
    finish_reason: str = "stop"
    usage: dict[str, Any] = field(default_factory=lambda: {"prompt_tokens": 100, "completion_tokens": 20})
    status: int = 200
    error: Any = None  # the error body for status >= 400 (JSON, or bytes sent as they are)
    headers: dict[str, str] = field(default_factory=dict)
    refusal: str | None = None
    fault: str | None = None  # "cut" (stream ends unfinished), "error-event" (mid-stream), "hang" (until released)

    @staticmethod
    def text(content: str, finish_reason: str = "stop") -> Chat:
        return Chat(content, finish_reason=finish_reason)

    @staticmethod
    def tool(name: str, arguments: dict[str, Any] | str) -> Chat:
        return Chat(tool_calls=[(name, arguments)], finish_reason="tool_calls")

    @staticmethod
    def failure(status: int, message: str, **headers: str) -> Chat:
        return Chat(status=status, error={"error": {"message": message, "type": "error"}}, headers=headers)


Router = Callable[[dict[str, Any]], Chat]


class FakeOpenAI:
    def __init__(self, replies: list[Chat] | Router, models: list[str]) -> None:
        self.router: Router | None = replies if callable(replies) else None
        self.replies: list[Chat] = [] if callable(replies) else list(replies)
        self.models = models
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.release = threading.Event()  # set to let "hang" replies finish
        self._lock = threading.Lock()

    def next_reply(self, body: dict[str, Any]) -> Chat:
        with self._lock:
            if self.router is not None:
                return self.router(body)
            if not self.replies:
                return Chat.failure(500, "the fake server has no reply scripted for this request")
            return self.replies.pop(0)


@contextmanager
def fake_openai(
    replies: list[Chat] | Router, models: tuple[str, ...] = ("fake-model",)
) -> Iterator[tuple[str, FakeOpenAI]]:
    """Serve on 127.0.0.1; yield (base URL ending in /v1, the server's state)."""
    state = FakeOpenAI(replies, list(models))

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            if self.path.rstrip("/").endswith("/models"):
                data = [{"id": m, "object": "model", "created": 0, "owned_by": "fake"} for m in state.models]
                self._json(200, {"object": "list", "data": data}, {})
            else:
                self._json(404, {"error": {"message": f"no route {self.path}"}}, {})

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            state.requests.append(body)
            state.headers.append({k.lower(): v for k, v in self.headers.items()})
            reply = state.next_reply(body)
            if reply.status >= 400:
                self._json(reply.status, reply.error, reply.headers)
            elif body.get("stream"):
                self._stream(reply, body)
            else:
                self._json(200, _completion(reply, body), {})

        def _json(self, status: int, payload: Any, headers: dict[str, str]) -> None:
            data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for key, value in headers.items():
                self.send_header(key.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(data)

        def _stream(self, reply: Chat, body: dict[str, Any]) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            model = body.get("model", "unknown")
            self._chunk(model, {"role": "assistant", "content": ""})
            if reply.fault == "hang":
                state.release.wait(30)
            for part in _parts(reply.content) if reply.content else []:
                self._chunk(model, {"content": part})
            if reply.refusal:
                self._chunk(model, {"refusal": reply.refusal})
            for index, (name, arguments) in enumerate(reply.tool_calls):
                head = {"index": index, "id": f"call_{index}", "type": "function"}
                self._chunk(model, {"tool_calls": [{**head, "function": {"name": name, "arguments": ""}}]})
                raw = arguments if isinstance(arguments, str) else json.dumps(arguments)
                for part in _parts(raw):
                    self._chunk(model, {"tool_calls": [{"index": index, "function": {"arguments": part}}]})
            if reply.fault == "error-event":
                self._data({"error": {"message": "The server is overloaded", "type": "server_error"}})
                return
            if reply.fault == "cut":  # the connection closes before any choice finished
                return
            self._chunk(model, {}, reply.finish_reason)
            if (body.get("stream_options") or {}).get("include_usage"):
                self._data({**_head(model), "choices": [], "usage": _usage(reply)})
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()

        def _chunk(self, model: str, delta: dict[str, Any], finish: str | None = None) -> None:
            choice = {"index": 0, "delta": delta, "finish_reason": finish}
            self._data({**_head(model), "choices": [choice]})

        def _data(self, payload: dict[str, Any]) -> None:
            self.wfile.write(f"data: {json.dumps(payload)}\n\n".encode())
            self.wfile.flush()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", state
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()


def _head(model: str) -> dict[str, Any]:
    return {"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 0, "model": model}


def _usage(reply: Chat) -> dict[str, Any]:
    usage = dict(reply.usage)
    return {**usage, "total_tokens": usage.get("prompt_tokens", 0) + usage.get("completion_tokens", 0)}


def _completion(reply: Chat, body: dict[str, Any]) -> dict[str, Any]:
    calls = [
        {
            "id": f"call_{i}",
            "type": "function",
            "function": {"name": n, "arguments": a if isinstance(a, str) else json.dumps(a)},
        }
        for i, (n, a) in enumerate(reply.tool_calls)
    ]
    message = {"role": "assistant", "content": reply.content or None, **({"tool_calls": calls} if calls else {})}
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": body.get("model", "unknown"),
        "choices": [{"index": 0, "message": message, "finish_reason": reply.finish_reason}],
        "usage": _usage(reply),
    }


def _parts(text: str, size: int = 16) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]
