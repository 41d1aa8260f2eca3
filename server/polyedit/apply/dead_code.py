"""Code kept after an exit the sketch adds: the reading leaves lines the file runs unreachable.

A block whose last statement at some depth is a new exit (``return``, ``raise``, ``throw``, ``break``,
``continue``), while the reading keeps the original's code right after it at that depth (a marker between two
blocks, or the rows an end-of-scope reading keeps before the scope's closer), makes that code dead. Nobody writes
that on purpose: the sketch replaced that code (its new body ends with the return, the old body is gone, the
marker standing for nothing), or the block belongs elsewhere. A careful reader would not keep the old code after
the new return, and cannot be sure what else the sketch means, so the merge refuses. Not when the original already
had the same exit right before that code, nor when what follows can be reached anyway: a label (``case 2:``,
``default:``), a branch (``else``, ``except``, ``catch``, ``finally``, ``#else``), a closer, an attribute
(``#[cfg(not(windows))]``), or a declaration a language hoists or defines in place (``function helper()``,
``def``, ``class``, ``fn``). Comments in between are looked past: the code after them is what would never run.

The mirror: a block whose first line of code is new, read as added right after an exit the file keeps at that
depth (``return MISSING`` after the kept ``return entry.stale_value()``), would never run either; the block most
likely replaces that exit, and the merge refuses rather than leave the new line dead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from polyedit.apply.cost import Piece, Reading
from polyedit.apply.generators import Original
from polyedit.apply.text import indent_width, norm

EXIT = re.compile(r"(return|raise|throw|break|continue)\b")
COMMENT = re.compile(r"(#(?![\[!A-Za-z])|//|/\*|\*|--)")  # not ``#else``, ``#[cfg(...)]``: directives, attributes
REACHABLE = re.compile(  # a keyword, not a variable of that name (``type = ...``, ``end = ...``)
    r"([})\]#]|(case|default|else|elif|except|catch|finally|end|function|def|class|fn|func|async\s+function|"
    r"async\s+def|export|pub|impl|struct|enum|type|interface)\b(?!\s*(=[^=]|\.|\[)))"
)
CLOSER = re.compile(r"[})\]]")


def unreachable(orig: Original, chosen: list[Reading], removed: set[int]) -> tuple[str, list[int], int] | None:
    """Why the chosen readings, which remove the ``removed`` rows, keep original code right after an exit a block
    adds (the reason, the kept row and the block's item), or None."""
    if orig.outline.root is None:
        return None  # not code: prose and data have no exits
    starts = [piece.start for reading in chosen for piece in reading.pieces]
    for reading in chosen:
        for piece in reading.pieces:
            later = [s for s in starts if s >= piece.end]
            bound = min(later) if later else len(orig.lines)
            kept = next((r for r in range(piece.end, bound) if _code(orig.lines[r]) and r not in removed), None)
            if kept is None or REACHABLE.match(orig.lines[kept].strip()):
                continue
            depth = indent_width(orig.lines[kept])
            exit_line = _last_statement(piece.lines, depth)
            if exit_line is None or not EXIT.match(exit_line.strip()) or _had_exit(orig, kept, depth, exit_line):
                continue
            reason = (
                f"read so, the file's line {kept + 1} ('{orig.lines[kept].strip()[:40]}') stays right after the "
                f"block's '{exit_line.strip()[:40]}', where it can never run: the block may replace that code (a "
                "marker there standing for nothing); show the lines that follow the new code, or the whole definition"
            )
            return reason, [kept], reading.block
    shown = {r for reading in chosen for piece in reading.pieces for r in range(piece.start, piece.end)}
    for reading in chosen:
        for piece in reading.pieces:
            found = _after_kept_exit(orig, piece, shown, removed)
            if found is not None:
                return found[0], found[1], reading.block
    return None


def _after_kept_exit(orig: Original, piece: Piece, shown: set[int], removed: set[int]) -> tuple[str, list[int]] | None:
    """The mirror: the piece's first line of code, new, at the depth of an exit the file keeps right before it
    (``return None;`` read as added after the kept ``return Some(...);``, not as its new version); ``shown``: the
    rows the readings replace."""
    first = next((line for line in piece.lines if _code(line)), None)
    if first is None or REACHABLE.match(first.strip()) or orig.positions.get(norm(first)):
        return None
    kept = next((r for r in range(piece.start - 1, -1, -1) if _code(orig.lines[r]) and r not in removed), None)
    if kept is None or kept in shown or not EXIT.match(orig.lines[kept].strip()):
        return None
    if indent_width(orig.lines[kept]) != indent_width(first):
        return None
    reason = (
        f"read so, the block's '{first.strip()[:40]}' stands right after the file's line {kept + 1} "
        f"('{orig.lines[kept].strip()[:40]}'), where it can never run: it may replace that line; show the unchanged "
        "line before the change"
    )
    return reason, [kept]


def _last_statement(lines: Sequence[str], depth: int, end: int | None = None) -> str | None:
    """The first line of the last statement at ``depth`` among ``lines`` (before row ``end``; a closing ``})(c,
    next);`` belongs to the statement above it), or None when a shallower line comes first (the lines end in
    another scope)."""
    for k in range(len(lines) if end is None else end, 0, -1):
        line = lines[k - 1]
        if not line.strip():
            continue
        width = indent_width(line)
        if width < depth:
            return None
        if width == depth and not CLOSER.match(line.strip()):
            return line
    return None


def _had_exit(orig: Original, kept: int, depth: int, exit_line: str) -> bool:
    """Whether the original's own statement before ``kept`` at that depth was the same exit: the code was
    unreachable already (or the reading keeps the original's own exit)."""
    return norm(_last_statement(orig.lines, depth, kept) or "") == norm(exit_line)


def _code(line: str) -> bool:
    """A line of code: not blank, not a comment."""
    return bool(line.strip()) and COMMENT.match(line.strip()) is None
