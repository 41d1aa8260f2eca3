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

    def advice(self) -> str:
        """The refusal as the generating model should read it: what went wrong, and what to write instead."""
        return f"{self}. {_ADVICE.get(self.kind, '')}".rstrip()


# What to change in the next sketch, per refusal kind (the reason already names the block and the places).
_ADVICE = {
    "ambiguous": "Start the block with an unchanged line that occurs once in the file (e.g. the header of the "
    "enclosing function or class), or show that whole definition with its header.",
    "anchor": "Show the unchanged line before the new code and the one after it, or the whole enclosing "
    "definition with its header; put a '... existing code ...' marker at every gap, the file's start and end included.",
    "order": "Write the blocks in the order they stand in the file, each with an unchanged line around its change.",
    "marker": "Write elision markers only as a comment on a line of their own, in the file's comment syntax.",
    "syntax": "Show each changed definition whole, from its header to its last line, with markers only between "
    "definitions.",
    "removal": "Keep unchanged code behind '... existing code ...' markers, or send the full new content if the "
    "removal is intended.",
    "unchanged": "Show the change itself: to delete lines, show the unchanged line before them and the one after "
    "them with nothing between (no marker); to change a line, show its new text with an unchanged line around it.",
    "lost": "Put a '... existing code ...' marker wherever you leave code out.",
}
