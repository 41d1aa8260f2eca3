"""A block's new edge line echoed by the file just beyond it: the block may mean that line.

A block whose first (last) non-blank line is read as new, next to a marker, while the same distinctive line stands
in the file a few lines before (after) the block's place, among the lines the marker keeps: the model most likely
copied that line as context, and the lines between are what it changed (replaced, re-wrapped or deleted). Reading
the line as new keeps both the old lines and their new version. A careful reader would not insert a copy of a line
that stands a few lines away; when no reading pairs it, the merge refuses rather than duplicate code.
"""

from __future__ import annotations

from polyedit.apply.cost import Reading
from polyedit.apply.generators import Original
from polyedit.apply.runs import distinctive
from polyedit.apply.sketch import Block
from polyedit.apply.text import norm

MAX_ECHO_DISTANCE = 12  # rows between the block's place and the echoed line (a few statements, not a definition)


def echoed_edge(orig: Original, block: Block, reading: Reading, first: bool) -> tuple[str, list[int]] | None:
    """Why the reading's first (``first``) or last non-blank line, read as new next to a marker, doubles a line
    standing a few rows before (after) the reading's place (the reason and the two places), or None."""
    shown = [norm(line) for line in block.lines if line.strip()]
    if not shown or not reading.new_edges[0 if first else 1]:
        return None
    line = shown[0] if first else shown[-1]
    if not distinctive(line):
        return None
    edge = reading.start if first else reading.end - 1
    if first:
        rows = range(reading.start - 1, max(-1, reading.start - 1 - MAX_ECHO_DISTANCE), -1)
    else:
        rows = range(reading.end, min(len(orig.lines), reading.end + MAX_ECHO_DISTANCE))
    at = next((r for r in rows if orig.onorm[r] == line), None)
    if at is None:
        return None
    reason = (
        f"this block's {'first' if first else 'last'} line '{line[:50]}' is read as new at line {edge + 1}, but it "
        f"stands at line {at + 1}: the block may mean that line and change the lines between; show the unchanged "
        "line next to the change"
    )
    return reason, sorted([edge, at])


def fragment_echo(orig: Original, block: Block, reading: Reading, shown_rows: set[int]) -> tuple[str, list[int]] | None:
    """Why a markerless fragment, read as replacing definitions by name, reads as new a line that stands once in
    the file outside every definition it replaces (the reason and the two places), or None.

    A fragment's names are its only address; a line it adds that stands, exactly, in a definition it does not show
    (``return max(low, min(high, value))`` of the next function) says the sketch may as well be the file itself
    with the lines between deleted: a careful reader cannot tell a replaced definition from a cut-down file."""
    if block.marker_before or block.marker_after or not reading.anchored_by_name:
        return None
    for line in reading.new_lines:
        rows = orig.positions.get(line, ())
        if distinctive(line) and len(rows) == 1 and rows[0] not in shown_rows:
            reason = (
                f"this fragment adds '{line[:50]}', which stands at line {rows[0] + 1} in a definition it does not "
                "show: it may be the whole file with lines deleted; send the whole file, or mark what is left out "
                "with '... existing code ...'"
            )
            return reason, [reading.start, rows[0]]
    return None
