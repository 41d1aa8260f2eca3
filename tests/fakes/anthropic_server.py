"""A loopback HTTP server that speaks the Anthropic Messages API (JSON and server-sent events), so tests drive the
real ``anthropic`` SDK through ``base_url``. Each request takes the next scripted ``Reply``; faults are replies too.
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
class Reply:
    blocks: list[dict[str, Any]] = field(default_factory=list)  # {"type": "text", "text"} | {"type": "tool_use", ...}
    stop_reason: str = "end_turn"
    usage: dict[str, int] = field(default_factory=lambda: {"input_tokens": 100, "output_tokens": 20})
    status: int = 200
    error: dict[str, Any] | None = None  # error body for status >= 400
    headers: dict[str, str] = field(default_factory=dict)
    fault: str | None = None  # "error-event" (mid-stream), "drop" (close the connection mid-stream), "hang"

    @staticmethod
    def text(text: str, stop_reason: str = "end_turn", **usage: int) -> Reply:
        return Reply([{"type": "text", "text": text}], stop_reason, {"input_tokens": 100, "output_tokens": 20, **usage})

    @staticmethod
    def tool(name: str, tool_input: dict[str, Any] | str, **usage: int) -> Reply:
        block = {"type": "tool_use", "id": f"toolu_{name}", "name": name, "input": tool_input}
        return Reply([block], "tool_use", {"input_tokens": 100, "output_tokens": 20, **usage})

    @staticmethod
    def failure(status: int, kind: str, message: str, **headers: str) -> Reply:
        return Reply(
            status=status, error={"type": "error", "error": {"type": kind, "message": message}}, headers=headers
        )


Router = Callable[[dict[str, Any]], Reply]


class Held:
    """A router that holds requests (all, or those ``only`` picks) until ``release`` is set; ``reached`` says one
    arrived. A slow model, for cancelling or editing mid-run."""

    def __init__(self, route: Router, only: Callable[[dict[str, Any]], bool] = lambda body: True) -> None:
        self.route, self.only = route, only
        self.reached, self.release = threading.Event(), threading.Event()

    def __call__(self, body: dict[str, Any]) -> Reply:
        if self.only(body):
            self.reached.set()
            self.release.wait(60)
        return self.route(body)


class FakeAnthropic:
    """Replies in order from ``replies``, or from ``router(request body)`` for concurrent calls."""

    def __init__(self, replies: list[Reply] | Router) -> None:
        self.router: Router | None = replies if callable(replies) else None
        self.replies: list[Reply] = [] if callable(replies) else list(replies)
        self.requests: list[dict[str, Any]] = []
        self.models = ["claude-sonnet-5-5", "claude-haiku-5-5"]  # what GET /v1/models lists
        self.headers: list[dict[str, str]] = []
        self.release = threading.Event()  # set to let "hang" replies finish
        self._lock = threading.Lock()

    def next_reply(self, body: dict[str, Any]) -> Reply:
        with self._lock:
            if self.router is not None:
                return self.router(body)
            if not self.replies:
                return Reply.failure(500, "api_error", "the fake server has no reply scripted for this request")
            return self.replies.pop(0)


@contextmanager
def fake_anthropic(replies: list[Reply] | Router) -> Iterator[tuple[str, FakeAnthropic]]:
    """Serve on 127.0.0.1; yield (base URL for ANTHROPIC_BASE_URL / base_url, the server's state)."""
    state = FakeAnthropic(replies)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            if self.path.split("?")[0].rstrip("/").endswith("/v1/models"):
                data = [
                    {"id": m, "type": "model", "display_name": m, "created_at": "2025-01-01T00:00:00Z"}
                    for m in state.models
                ]
                page = {"data": data, "has_more": False, "first_id": state.models[0], "last_id": state.models[-1]}
                self._json(200, page, {})
            else:
                self._json(404, {"type": "error", "error": {"type": "not_found_error", "message": self.path}}, {})

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
                self._json(200, _message(reply, body), {})

        def _json(self, status: int, payload: Any, headers: dict[str, str]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for key, value in headers.items():
                self.send_header(key.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(data)

        def _stream(self, reply: Reply, body: dict[str, Any]) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            message = _message(reply, body)
            start = {**message, "content": [], "stop_reason": None, "usage": {**reply.usage, "output_tokens": 1}}
            self._event("message_start", {"type": "message_start", "message": start})
            for index, block in enumerate(reply.blocks):
                if reply.fault == "hang":
                    state.release.wait(30)
                if block["type"] == "text":
                    self._event("content_block_start", _start(index, {"type": "text", "text": ""}))
                    for part in _parts(block["text"]):
                        self._event("content_block_delta", _delta(index, {"type": "text_delta", "text": part}))
                else:
                    head = {"type": "tool_use", "id": block["id"], "name": block["name"], "input": {}}
                    self._event("content_block_start", _start(index, head))
                    raw = block["input"] if isinstance(block["input"], str) else json.dumps(block["input"])
                    for part in _parts(raw):
                        self._event(
                            "content_block_delta", _delta(index, {"type": "input_json_delta", "partial_json": part})
                        )
                if reply.fault == "error-event":
                    error = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
                    self._event("error", error)
                    return
                if reply.fault == "drop":
                    self.wfile.flush()
                    self.connection.shutdown(2)
                    return
                self._event("content_block_stop", {"type": "content_block_stop", "index": index})
            delta = {"stop_reason": reply.stop_reason, "stop_sequence": None}
            self._event("message_delta", {"type": "message_delta", "delta": delta, "usage": reply.usage})
            self._event("message_stop", {"type": "message_stop"})

        def _event(self, name: str, data: dict[str, Any]) -> None:
            self.wfile.write(f"event: {name}\ndata: {json.dumps(data)}\n\n".encode())
            self.wfile.flush()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", state
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()


def _message(reply: Reply, body: dict[str, Any]) -> dict[str, Any]:
    content = []
    for block in reply.blocks:
        if block["type"] == "tool_use" and isinstance(block["input"], str):
            content.append({**block, "input": {}})
        else:
            content.append(block)
    return {
        "id": "msg_fake",
        "type": "message",
        "role": "assistant",
        "model": body.get("model", "unknown"),
        "content": content,
        "stop_reason": reply.stop_reason,
        "stop_sequence": None,
        "usage": reply.usage,
    }


def _start(index: int, block: dict[str, Any]) -> dict[str, Any]:
    return {"type": "content_block_start", "index": index, "content_block": block}


def _delta(index: int, delta: dict[str, Any]) -> dict[str, Any]:
    return {"type": "content_block_delta", "index": index, "delta": delta}


def _parts(text: str, size: int = 16) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]
