"""Typed hand-off values: each phase gets only what it needs, never another phase's conversation."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Action = Literal["modify", "create", "delete"]


@dataclass(frozen=True)
class Snippet:
    path: str
    start_line: int
    end_line: int
    symbol: str | None
    text: str


@dataclass(frozen=True)
class Focus:
    """Where the user is when they ask: the active file and, if they selected something, the selected lines
    (1-based, inclusive) and their text. "This function" in an instruction means the selection."""

    path: str
    start_line: int | None = None
    end_line: int | None = None
    text: str = ""


@dataclass(frozen=True)
class FileOutline:
    """A line of the workspace outline: a file, and the names of its definitions when it is near the work."""

    path: str
    symbols: tuple[str, ...] = ()
    more: int = 0  # definitions not named (the outline names at most a few per file)


@dataclass(frozen=True)
class ContextPack:
    """What retrieval hands the planner: the user's focus first, ranked snippets within a token budget, and an
    outline of the workspace (capped)."""

    instruction: str
    snippets: tuple[Snippet, ...]
    outline: tuple[FileOutline, ...]
    focus: Focus | None = None


@dataclass(frozen=True)
class PlannedFile:
    path: str
    action: Action
    intent: str


@dataclass(frozen=True)
class EditPlan:
    summary: str
    files: tuple[PlannedFile, ...]
    facts: tuple[str, ...]  # cross-file agreements every generate call sees (new names, signatures)


@dataclass(frozen=True)
class FileSketch:
    path: str
    action: Action
    body: str  # lazy sketch or search/replace blocks (modify), full content (create), empty (delete)
    model: str


@dataclass(frozen=True)
class FileChange:
    path: str
    action: Action
    old_text: str | None  # None for a new file
    new_text: str | None  # None for a deleted file
    checks: tuple[str, ...]
    model: str
    tier: str = "structural"
    intent: str = ""  # the plan's intent for this file: what a reviewer reads beside the change


@dataclass
class PhaseRecord:
    phase: str
    model: str | None
    input_tokens: int = 0
    cached_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0
    seconds: float = 0.0
    detail: str = ""


@dataclass
class RunTrace:
    instruction: str
    phases: list[PhaseRecord] = field(default_factory=list)
    handoffs: dict[str, Any] = field(default_factory=dict)
    outcome: str = "running"  # running | delivered | partial | not applied | failed | cancelled
    error: str | None = None

    @property
    def cost_usd(self) -> float:
        return round(sum(p.cost_usd for p in self.phases), 6)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["cost_usd"] = self.cost_usd
        return data


class EditFailed(Exception):
    """The run stopped; ``phase`` owns the failure, ``reason`` is one line for the user. Nothing is delivered."""

    def __init__(self, phase: str, reason: str) -> None:
        super().__init__(f"{phase}: {reason}")
        self.phase = phase
        self.reason = reason
