"""A new line inserted while its old version stays a few lines further on: the block may mean to replace it.

A block ends with new lines, then only common context (a blank line and ``/**``, a ``@since v16.14.0`` that stands
in many places), then a marker. The common context pairs right after the new lines: an insertion. But when one of
the new lines is a version of an original line that the marker keeps a few lines further on, in the same scope (no
shallower line between: ``exports.program = new Command();`` while ``exports.program = exports;`` stays; a changed
``wait: (...)`` member while the old one stays), and the same common context stands again after that old line, the
block may as well end there: its new lines replace the old ones. A careful reader cannot tell an added line from a
replaced one on the word of a ``/**``; reading it as an insertion keeps the old member beside the new one, so the
merge refuses. The common lines may be read as new themselves (``each(value, (key, childValue) =>``, its argument,
``)``, then a marker, while ``each(`` and its old arguments follow, ended by their ``)``): the doubt is the same.
So it is at a block's start after a marker (``kept_before``): new first lines while an old version of one stands
a few rows before, kept by the marker. And when the common ending is blank lines only (``_kept_under_blank``): the
old version stands right where the reading ends, a blank line after it, and the other reading pairs every other
line as it stands (``import json`` added after ``import sys`` while a blank line and ``import re`` follow is an
addition: replacing ``import re`` would drop the blank line before it, which the block does not show).
"""

from __future__ import annotations

from difflib import SequenceMatcher

from polyedit.apply.cost import Reading
from polyedit.apply.generators import Original
from polyedit.apply.likeness import FIRST_WORD, recognisable_edit, same_start
from polyedit.apply.runs import distinctive
from polyedit.apply.sketch import Block
from polyedit.apply.text import indent_width, norm

MAX_KEPT_DISTANCE = 12  # rows between the block's end and the old version, and between it and the context again


def kept_beside(orig: Original, block: Block, reading: Reading, bound: int) -> tuple[str, list[int]] | None:
    """Why the reading's new lines, ended by common context only, may replace an old version of one of them that
    stands kept between the reading's end and ``bound`` (the reason and the two places), or None."""
    pairs = dict(reading.pairs)
    bnorm = [norm(line) for line in block.lines]
    new = [i for i, line in enumerate(bnorm) if i not in pairs and distinctive(line)]
    if not new or not pairs:
        return None
    tail = [i for i in range(new[-1] + 1, len(bnorm)) if bnorm[i]]
    if not tail and new[-1] + 1 < len(bnorm):
        return _kept_under_blank(orig, block, reading, new)
    if (
        not tail
        or any(i not in pairs and distinctive(bnorm[i]) for i in tail)
        or any(_solid(orig, bnorm[i]) for i in tail)
    ):
        return None
    anchor = max(pairs)
    delta = indent_width(orig.lines[pairs[anchor]]) - indent_width(block.lines[anchor])
    wanted = [bnorm[i] for i in tail]
    for row in range(reading.end, min(bound, reading.end + MAX_KEPT_DISTANCE)):
        if not distinctive(orig.onorm[row]):
            continue
        if any(
            orig.lines[r].strip() and indent_width(orig.lines[r]) < indent_width(orig.lines[row])
            for r in range(reading.end, row)
        ):
            break  # past the end of the scope: beyond it, another definition's line
        version = next((i for i in new if _version(block.lines[i], orig.lines[row], delta)), None)
        if version is None or not _stands_after(orig, wanted, row, bound):
            continue
        reason = (
            f"this block adds '{bnorm[version][:50]}' at line {reading.end}, ended by common lines only, while "
            f"'{orig.onorm[row][:50]}' stays at line {row + 1}, followed by the same lines: the block may replace it "
            "or add beside it; show the unchanged line after the change, or the whole definition"
        )
        return reason, [reading.end - 1, row]
    return None


def _kept_under_blank(orig: Original, block: Block, reading: Reading, new: list[int]) -> tuple[str, list[int]] | None:
    """The block ends with a new line and blank lines only (``from typing import Any, Iterator``, a blank line, a
    marker) while an old version of that line stands right where the reading ends, followed by a blank line: read
    with its blank lines after the old line, the block replaces it, every other line paired as it stands (only new
    lines inserted, no original line dropped). Either reading pairs the block; they differ in what stays."""
    pairs = dict(reading.pairs)
    bnorm = [norm(line) for line in block.lines]
    last, row = new[-1], reading.end
    anchors = [i for i in pairs if i < last and distinctive(bnorm[i])]
    if not anchors or row + 1 >= len(orig.lines) or orig.onorm[row + 1] or not distinctive(orig.onorm[row]):
        return None
    anchor = max(anchors)
    delta = indent_width(orig.lines[pairs[anchor]]) - indent_width(block.lines[anchor])
    if not _version(block.lines[last], orig.lines[row], delta):
        return None
    shown, rows = bnorm[anchor + 1 : last + 1], orig.onorm[pairs[anchor] + 1 : row + 1]
    for tag, _i1, i2, j1, j2 in SequenceMatcher(None, shown, rows, autojunk=False).get_opcodes():
        # ``insert``: original rows the block does not show; a ``replace`` only of the old version, by the line
        if tag == "insert" or (tag == "replace" and (j2 - j1 != 1 or j1 != len(rows) - 1 or i2 != len(shown))):
            return None  # the other reading would drop an original line besides the old version
    reason = (
        f"this block ends with '{bnorm[last][:50]}' and blank lines, read as new before line {row + 1} "
        f"('{orig.onorm[row][:40]}'), which the marker keeps; read with its blank lines after that line, the block "
        "replaces it: show the unchanged line after the change"
    )
    return reason, [row]


def kept_before(orig: Original, block: Block, reading: Reading, bound: int) -> tuple[str, list[int]] | None:
    """The mirror at the block's start, after a marker: the block's first lines, before its first distinctive
    pair, are new (only blank lines before them), while an old version of one stands a few rows before the
    reading, after ``bound`` and in the same scope, kept by the marker (``_default_instance = None`` read as new
    after the blank line that follows ``_default_intance = None``): the block may replace that line rather than
    add beside it. The reason and the two places, or None."""
    pairs = dict(reading.pairs)
    if not block.marker_before or not pairs:
        return None
    bnorm = [norm(line) for line in block.lines]
    anchor = min((i for i in pairs if distinctive(bnorm[i])), default=None)
    head = [i for i in range(anchor or 0) if bnorm[i]]
    if anchor is None or not head or any(i in pairs or not distinctive(bnorm[i]) for i in head):
        return None
    delta = indent_width(orig.lines[pairs[anchor]]) - indent_width(block.lines[anchor])
    for row in range(reading.start - 1, max(bound, reading.start - MAX_KEPT_DISTANCE) - 1, -1):
        if not distinctive(orig.onorm[row]):
            continue
        if any(
            orig.lines[r].strip() and indent_width(orig.lines[r]) < indent_width(orig.lines[row])
            for r in range(row + 1, reading.start)
        ):
            break  # before the start of the scope: another definition's line
        version = next((i for i in head if _version(block.lines[i], orig.lines[row], delta)), None)
        if version is None:
            continue
        reason = (
            f"this block adds '{bnorm[version][:50]}' at line {reading.start + 1}, after a marker, while "
            f"'{orig.onorm[row][:50]}' stays at line {row + 1}, just before: the block may replace it or add beside "
            "it; show the unchanged line before the change"
        )
        return reason, [row, reading.start]
    return None


def _solid(orig: Original, line: str) -> bool:
    return distinctive(line) and len(orig.positions.get(line, ())) == 1


def _version(new_line: str, old_line: str, delta: int) -> bool:
    """A new line that is a version of an old one: not equal, and the same name first (``exports.program``,
    ``wait:``) or a recognisable edit of it."""
    if norm(new_line) == norm(old_line) or not distinctive(norm(old_line)):
        return False
    first = FIRST_WORD.match(new_line.strip())
    named = bool(first and any(ch.isalnum() for ch in first.group(1)))  # a name, not ``*`` of a doc comment
    shifted = " " * max(0, indent_width(new_line) + delta) + new_line.strip()
    return (named and same_start(shifted, old_line)) or recognisable_edit(new_line, old_line, delta)


def _stands_after(orig: Original, wanted: list[str], row: int, bound: int) -> bool:
    """Whether the block's common ending (non-blank lines, in order) stands again within a few rows after ``row``,
    blank lines between them allowed."""
    for start in range(row + 1, min(bound, row + 1 + MAX_KEPT_DISTANCE)):
        if orig.onorm[start] != wanted[0]:
            continue
        shown = [r for r in range(start, bound) if orig.onorm[r]][: len(wanted)]
        if [orig.onorm[r] for r in shown] == wanted:
            return True
    return False
