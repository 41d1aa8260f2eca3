"""The scope a sketch opens with: its first line, no marker before it, is the header of an original definition.

A model that changes one class, impl block or YAML job often shows its header, a marker, and the lines it changed
at the scope's end, then stops: ``class LifoQueue(Queue):``, ``# ... existing code ...``, the changed last method;
``impl Barrier {``, a marker, a new method and the impl's ``}``. The sketch talks about that scope; nothing after
it is what it means to drop, so the rows after a last block ending inside the scope or at its end stay
(``tail_stays``, asked by ``file_edges.tail_kept``), and a last block ending with the scope's own closer may be new
lines at the scope's end (``closing_readings``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from polyedit.apply.cost import Cost, Piece, Reading
from polyedit.apply.generators import CLOSERS
from polyedit.apply.likeness import recognisable_edit
from polyedit.apply.markers import is_comment
from polyedit.apply.runs import distinctive
from polyedit.apply.text import indent_width, norm, reindent

if TYPE_CHECKING:
    from polyedit.apply.merge import LazyMerge


def opened_scope(merge: LazyMerge) -> tuple[int, int] | None:
    """The first and last rows of the scope a sketch with markers opens with, no marker before it: its first line is the
    header of an original definition (``class LifoQueue(Queue):``, ``impl Barrier {``) or, in a file where the
    outline finds no definitions, a line with deeper lines under it (a YAML job's ``test:``), standing once in
    the file."""
    block = merge.block_at(merge.blocks[0])
    if block.marker_before or (len(merge.blocks) == 1 and not block.marker_after):
        return None
    first = next((line for line in block.lines if line.strip()), "")
    rows = merge.orig.positions.get(norm(first), [])
    if len(rows) != 1 or not distinctive(norm(first)):
        return None
    ends = [d.end for d in merge.orig.outline.definitions if d.start == rows[0]]
    if merge.orig.outline.definitions:
        return (rows[0], max(ends)) if ends else None
    last = indented_scope_end(merge.orig.lines, rows[0])
    return (rows[0], last) if last > rows[0] else None


def indented_scope_end(lines: list[str], header: int) -> int:
    """The last row of the scope a header opens, by indentation: its deeper lines, and its closer (``}``) at the
    header's depth; ``header`` itself when no deeper line follows."""
    depth, last = indent_width(lines[header]), header
    for row in range(header + 1, len(lines)):
        if lines[row].strip() and indent_width(lines[row]) <= depth:
            return row if norm(lines[row]) in CLOSERS and indent_width(lines[row]) == depth else last  # its ``}``
        last = row if lines[row].strip() else last
    return last


def closing_readings(merge: LazyMerge, k: int, found: list[Reading]) -> list[Reading]:
    """The sketch's last block, ending with the closing line of the scope the sketch opens with (the same line at
    the same depth), read as new lines at that scope's end before its closer (a new method, then the ``}`` of
    ``impl Barrier``), when none of its other readings (``found``) ends there."""
    scope = opened_scope(merge) if k == merge.blocks[-1] and k != merge.blocks[0] else None
    block = merge.block_at(k)
    shown = [line for line in block.lines if line.strip()]
    if scope is None or len(shown) < 2 or norm(shown[-1]) not in CLOSERS:
        return []  # a scope with no closing line (a Python class) ends at its last body line: nothing to read here
    end = scope[1]
    if shown[-1].rstrip() != merge.orig.lines[end].rstrip():
        return []
    if any(reading.end == end + 1 for reading in found):
        return []
    body = block.lines[: max(i for i, line in enumerate(block.lines) if line.strip())]
    kept = 0  # the body's last lines that stand right above the closer: context, not new
    while kept < len(body) and end - kept - 1 >= 0 and norm(body[-1 - kept]) == merge.orig.onorm[end - kept - 1]:
        kept += 1
    if not any(distinctive(norm(line)) for line in body[len(body) - kept :]):
        kept = 0  # braces alone pair with nothing: the ``}`` of a new method is not the one above the closer
    added = body[: len(body) - kept]
    inside = merge.orig.onorm[scope[0] : end - kept]
    first = next((key for line in added if distinctive(key := norm(line))), None)
    if first is None or first in inside:
        return []  # nothing new, or it starts with a line the scope holds: context pairing there, not its end
    last = next((line for line in reversed(added) if distinctive(norm(line))), "")
    above = next((row for row in range(end - kept - 1, scope[0], -1) if distinctive(merge.orig.onorm[row])), None)
    if above is not None and recognisable_edit(last, merge.orig.lines[above]):
        return []  # it ends like the scope's last statement (a second ``return parse(...)``): it may replace it
    lines = tuple(reindent(line, 0, merge.orig.tabs) if merge.orig.tabs else line for line in added)
    cost = Cost(
        unpaired=sum(distinctive(norm(line)) for line in added),
        changes=1,
        weak=sum(not distinctive(norm(line)) for line in added),
    )
    start = end - kept
    piece = Piece(start, end + 1, (*lines, *merge.orig.lines[start : end + 1]))
    new = tuple(norm(line) for line in added if line.strip())
    return [Reading(k, "end-of-scope", (piece,), cost, new, kept=frozenset(range(start, end + 1)))]


def tail_stays(merge: LazyMerge, reading: Reading) -> bool:
    """Whether the last block's reading ends at the end of the scope the sketch opens with, or, a scope of
    indentation (a YAML job, a Python class), inside it, with lines after it."""
    after = any(line.strip() for line in merge.orig.lines[reading.end :])
    scope = opened_scope(merge) if after else None
    if scope is None:
        return False
    added = sum(1 for line in reading.new_lines if line)
    if reading.cost.deleted > added + 1 or _beside_like(merge, reading):
        return False  # deleting more than a line beyond what it adds: maybe a poor reading the end would refuse
    if reading.end == scope[1] + 1:
        return True
    indented = norm(merge.orig.lines[scope[1]]) not in CLOSERS  # a brace scope ends at its closer, never inside
    if not indented or not scope[0] < reading.end <= scope[1]:
        return False
    # Inside the scope, the block must stand at one place of it: a line of it, or one it pairs, stands there once.
    rows = merge.orig.onorm[scope[0] : scope[1] + 1]
    keys = [norm(line) for line in merge.block_at(reading.block).lines] + [
        merge.orig.onorm[r] for _, r in reading.pairs
    ]
    return any(distinctive(key) and rows.count(key) == 1 for key in keys)


_ROOT = re.compile(r"\s*([^\s.(\[:=]+)")  # a line's first name: ``dd`` of ``dd.report()``, a YAML key


def _beside_like(merge: LazyMerge, reading: Reading) -> bool:
    """Whether the block's new last line stands right before (no blank line between) a comment or a line that
    starts with the same name (``dd.report_partial_closure()`` before ``dd.report()``): it may replace that line
    as much as stand before it."""
    lines, block = merge.orig.lines, merge.block_at(reading.block).lines
    k = max(i for i, line in enumerate(block) if line.strip())
    new = reading.new_edges[1] and k not in {i for i, _ in reading.pairs}  # a variant's pairing: not new
    if not new or reading.end >= len(lines) or not lines[reading.end].strip():
        return False
    if is_comment(merge.orig.path, lines[reading.end]):
        return True  # ``raise AssertionError(...)`` before ``# Cannot get here``: it may say what the comment said
    a, b = _ROOT.match(block[k]), _ROOT.match(lines[reading.end])
    return bool(a and b and a.group(1) == b.group(1))
