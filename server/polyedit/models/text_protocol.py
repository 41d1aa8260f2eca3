"""Tools for models that cannot call them: the same tool names and fields, asked for and read as a fenced JSON block.

The model is told to answer with one block ``{"tool": NAME, "input": {...}}`` (or a list of them). A reply that
holds no such block, or names a tool it was not offered, is ``malformed``: a clear error the cascade can act on,
never a guess.
"""

from __future__ import annotations

import json
import re
from typing import Any

from polyedit.models.types import ModelError, ModelRequest, Tool, ToolCall

_BLOCK = re.compile(r"```(?:json)?[ \t]*\n(.*?)\n?```", re.DOTALL)


def instructions(tools: tuple[Tool, ...], force_tool: str | None) -> str:
    """What the system prompt gains: the tools, their input schemas, and the one answer format."""
    listed = "\n".join(
        f"- {t.name}: {t.description}\n  input schema: {json.dumps(t.input_schema, separators=(',', ':'))}"
        for t in tools
    )
    must = f"You must call {force_tool}." if force_tool else "Call one or more of them."
    return (
        "\n\nYou cannot call tools directly. To call a tool, answer with exactly one fenced JSON block and nothing "
        'else:\n```json\n{"tool": "<tool name>", "input": {<the tool\'s fields>}}\n```\n'
        "For several calls, put a JSON list of such objects in the one block. "
        f"{must} Tools:\n{listed}\n"
    )


def system_prompt(request: ModelRequest) -> str:
    return request.system + (instructions(request.tools, request.force_tool) if request.tools else "")


def parse_calls(text: str, request: ModelRequest) -> tuple[ToolCall, ...]:
    """The tool calls in a text-protocol reply; ``ModelError('malformed')`` when there are none to read."""
    if not request.tools:
        return ()
    offered = {t.name for t in request.tools}
    blocks = _BLOCK.findall(text) or ([text.strip()] if text.strip().startswith(("{", "[")) else [])
    if not blocks:
        raise _malformed("its answer holds no fenced JSON block", offered)
    calls: list[ToolCall] = []
    for block in blocks:
        try:
            data: Any = json.loads(block)
        except json.JSONDecodeError as exc:
            raise _malformed(f"its JSON block does not parse ({exc.msg} at line {exc.lineno})", offered) from exc
        for item in data if isinstance(data, list) else [data]:
            if not isinstance(item, dict) or not isinstance(item.get("tool"), str):
                raise _malformed('a call is not an object with a "tool" name', offered)
            if item["tool"] not in offered:
                raise _malformed(f"it called '{item['tool']}', which it was not offered", offered)
            arguments = item.get("input", {})
            if not isinstance(arguments, dict):
                raise _malformed(f"the input of {item['tool']} is not an object", offered)
            calls.append(ToolCall(item["tool"], arguments))
    if request.force_tool and all(c.name != request.force_tool for c in calls):
        raise _malformed(f"it did not call {request.force_tool}", offered)
    return tuple(calls)


def _malformed(why: str, offered: set[str]) -> ModelError:
    return ModelError(
        "malformed",
        f"the model's text-protocol reply could not be read: {why} (tools offered: {', '.join(sorted(offered))})",
    )
