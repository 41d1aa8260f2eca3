"""Values the apply model hands back: the merged file with its edits, or a refusal with a reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Encoding = Literal["utf-16", "utf-8", "utf-32"]
Format = Literal["lazy", "search-replace", "full"]


@dataclass(frozen=True)
class TextEdit:
    """Replace [start, end) with ``new_text``; lines 0-based, characters in the requested encoding's code units."""

    start_line: int
    start_character: int
    end_line: int
    end_character: int
    new_text: str

    def to_json(self) -> dict[str, Any]:
        return {
            "range": {
                "start": {"line": self.start_line, "character": self.start_character},
                "end": {"line": self.end_line, "character": self.end_character},
            },
            "newText": self.new_text,
        }


@dataclass(frozen=True)
class Applied:
    path: str
    text: str
    edits: list[TextEdit]
    checks: list[str]
    format: Format
    tier: str = "structural"

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "edits": [e.to_json() for e in self.edits],
            "checks": self.checks,
            "format": self.format,
            "tier": self.tier,
        }


@dataclass
class ApplyRefused(Exception):
    """The merge could not be made safely. ``reason`` is one or two lines a generating model can act on."""

    path: str
    reason: str
    sketch_line: int | None = None
    kind: str = "refused"
    details: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        where = f" (sketch line {self.sketch_line})" if self.sketch_line else ""
        return f"{self.path}{where}: {self.reason}"

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "sketch_line": self.sketch_line, "kind": self.kind, "reason": self.reason}
