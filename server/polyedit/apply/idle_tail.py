"""A dropped tail that is the sketch's only change.

A sketch without a marker at its end may drop at most ``MAX_DROPPED_AT_EDGE`` non-blank lines there: beyond that,
the model most likely forgot the marker after the lines it changed. That reading needs a change elsewhere in the
sketch. A sketch of one marker and then one block that changes nothing (every line stands, in order, where it is
read) has no change besides what it leaves out: read with a marker at its end, it leaves the file unchanged, which
no sketch means. A careful reader reads it as it stands: the file up to the block's last line, and nothing after
(``// ... unchanged ...`` + a function's doc comment, the function deleted).

The block's place must be certain: every reading of it that changes nothing must render the same file (the same
lines standing twice give two tails, and a refusal as before). The invariants still apply (at most 30% of the
file removed, no new syntax error), and so does the idle check (``idle_doubt``: a block whose lines also stand
elsewhere is refused).

The same holds when the block's only other places change nothing but blank lines (``return buf.String(), nil``,
``}`` and a blank line, standing both before the deleted function and at the file's end, where the sketch's blank
line would be new): no sketch is sent to add a blank line, so those readings say no more than an unchanged file,
and the idle reading whose dropped tail is the change is the one a careful reader takes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from polyedit.apply.cost import Reading
from polyedit.apply.generators import Original
from polyedit.apply.runs import distinctive
from polyedit.apply.sketch import Block
from polyedit.apply.text import indent_width, norm
from polyedit.apply.weak_end import idle_weak_end


def idle(reading: Reading, original: Sequence[str]) -> bool:
    """Whether the reading changes nothing: every piece's lines are the original rows it covers."""
    return not reading.anchored_by_name and all(
        piece.lines == tuple(original[piece.start : piece.end]) for piece in reading.pieces
    )


def blank_only(original: Sequence[str], rendered: Sequence[str]) -> bool:
    """Whether ``rendered`` differs from ``original`` in blank lines (or trailing spaces) only."""
    return [line.rstrip() for line in original if line.strip()] == [line.rstrip() for line in rendered if line.strip()]


def idle_tail(
    original: Sequence[str],
    readings: list[Reading],
    render: Callable[[list[Reading]], list[str]],
    kept: list[list[Reading]],
) -> Reading | None:
    """The one idle reading of a lone block after a marker whose dropped tail is the sketch's change, or None
    when a reading that keeps the file's end (``kept``: the dynamic programme's) changes more than blank lines, no
    reading is idle, none drops a line, or the idle readings render different files."""
    if any(not blank_only(original, render(path)) for path in kept):
        return None
    candidates = [r for r in readings if idle(r, original) and any(line.strip() for line in original[r.end :])]
    if not candidates:
        return None
    files = {tuple(render([r])) for r in candidates}
    if len(files) != 1:
        return None
    return min(candidates, key=lambda r: r.cost)


def idle_doubt(orig: Original, block: Block, reading: Reading, open_after: bool) -> tuple[str, int, list[int]] | None:
    """A reading that changes nothing says nothing about where the block goes: sketches show changes (or the
    header of the scope a marker is inside). When its lines also stand elsewhere, the block was most likely meant
    for another place: the reason, the sketch line and the places, or None (``open_after``: a marker follows). A
    last block that reaches the file's end (``</>``, ``);``, ``}``, ``return null;``, ``};`` after a JSX marker) shows
    where the scopes the marker left open close: its place is the end, whatever stands elsewhere too."""
    if reading.anchored_by_name or any(
        piece.lines != tuple(orig.lines[piece.start : piece.end]) for piece in reading.pieces
    ):
        return None
    first = next(line for line in block.lines if line.strip())
    last = next(line for line in reversed(block.lines) if line.strip())
    if block.after_indent is not None and block.after_indent > indent_width(last):
        return None  # a header block: it opens the scope the marker after it is inside (sketches show those)
    if (
        block.after_indent is not None
        and block.after_indent > indent_width(first)
        and first.rstrip().endswith(":")
        and len(orig.positions.get(norm(first), ())) == 1
    ):
        return None  # the same, shown with the scope's first lines (``class Cache:``, its docstring, a marker)
    if open_after and (doubt := idle_weak_end(orig, block, reading.end)) is not None:
        return doubt[0], block.first, doubt[1]
    if not open_after and not any(line.strip() for line in orig.lines[reading.end :]):
        return None  # the file's last lines, shown to close the scopes a marker left open: their place is the end
    region = range(reading.start, reading.end)
    for i, line in enumerate(block.lines):
        others = [p for p in orig.positions.get(norm(line), ()) if p not in region]
        if distinctive(norm(line)) and others:
            reason = (
                f"this block changes nothing at line {reading.start + 1}, and '{line.strip()[:50]}' also stands "
                f"at line {others[0] + 1}: show the changed lines with an unchanged line around them"
            )
            return reason, block.first + i, [reading.start, others[0]]
    return None
