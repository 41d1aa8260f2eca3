"""New lines put into a run of blank lines next to a marker: how many blank lines stand on each side.

A block adds lines after its last unchanged line (or before its first), next to a marker, where the file has a
run of blank lines (``from enum import IntEnum`` + two blank lines + ``class codes``; the block shows the import,
one blank line, ``__all__ = [...]``, one blank line, then the marker). The block's blank lines may be the file's
blank lines, taken in order (the new lines then stand inside the run and the marker keeps what is left of it), or
new ones (the marker keeps the whole run after the new lines). The two readings give files that differ only in
the number of blank lines, and the sketch cannot tell which was meant. This holds when the block shows blank lines
on both sides of its new lines (between them and the unchanged line, and between them and the marker); with none
on the marker's side, the new lines end the block, and the marker keeps the file's blank run after them whole
(a Markdown section added after a paragraph). Reading every blank line the block shows as
the file's own is the literal reading (the model copied the context, and shows what it wants); when the chosen
reading renders another file, a careful reader cannot know: the merge refuses rather than guess the spacing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from polyedit.apply.cost import Piece, Reading
from polyedit.apply.generators import Original
from polyedit.apply.sketch import Block

if TYPE_CHECKING:
    from polyedit.apply.merge import LazyMerge


def _blank(line: str) -> bool:
    return not line.strip()


def literal_blanks(orig: Original, block: Block, reading: Reading, after: bool, bound: int) -> Reading | None:
    """The reading with the block's blank lines beside its new lines at its end (``after``) or start read as the
    file's blank lines there, taken in order (a different reading only when that changes the rows it replaces);
    ``bound`` is the first row after (or the row before) the rows this block may take. None when the block's edge
    is not new lines among blank lines after (before) an unchanged non-blank line."""
    if len(reading.pieces) != 1 or not reading.pairs or len(reading.pieces[0].lines) != len(block.lines):
        return None
    lines, piece = block.lines, reading.pieces[0]
    solid = [(i, p) for i, p in reading.pairs if not _blank(lines[i])]
    if not solid:
        return None
    i, p = solid[-1] if after else solid[0]
    edge = lines[i + 1 :] if after else lines[:i][::-1]  # outwards from the unchanged line
    taken = range(p + 1, piece.end) if after else range(piece.start, p)
    if not edge or any(not _blank(orig.lines[r]) for r in taken):
        return None  # nothing beside the unchanged line, or the reading deletes code there: not a spacing question
    near = next((k for k, line in enumerate(edge) if not _blank(line)), len(edge))
    content_end = max((k for k, line in enumerate(edge) if not _blank(line)), default=-1)
    far = len(edge) - 1 - content_end
    if content_end < 0 or near == 0 or far == 0:
        # No blank line between the unchanged line and the new lines, or between them and the marker: the block
        # takes none of the file's blank lines on that side, and the marker keeps the run whole after them.
        return None
    rows = range(p + 1, bound) if after else range(p - 1, bound, -1)  # outwards, up to the neighbour's rows
    run = next((k for k, r in enumerate(rows) if not _blank(orig.lines[r])), len(rows))  # the file's blank run
    paired = min(near, run)
    if paired == near:
        paired += min(far, run - paired)
    start, end = (piece.start, p + 1 + paired) if after else (p - paired, piece.end)
    return Reading(reading.block, reading.rule, (Piece(start, end, piece.lines),), reading.cost)


def check_spacing(merge: LazyMerge, chosen: list[Reading], merged: list[str]) -> None:
    """Refuse when reading a block's blank lines next to a marker as the file's own blank lines there renders
    another file than the chosen readings' (``merged``): the sketch does not say the spacing."""
    shown = [line.rstrip() for line in merged]
    for position, best in enumerate(chosen):
        block = merge.block_at(best.block)
        sides = []
        if merge.open_after(best.block):
            nxt = chosen[position + 1].start if position + 1 < len(chosen) else len(merge.orig.lines)
            sides.append((True, nxt))
        if merge.marker_before(best.block) is not None:
            sides.append((False, chosen[position - 1].end - 1 if position else -1))
        for after, bound in sides:
            rival = literal_blanks(merge.orig, block, best, after, bound)
            if rival is None or rival.pieces == best.pieces:
                continue
            other = merge.render([*chosen[:position], rival, *chosen[position + 1 :]])
            if [line.rstrip() for line in other.lines] != shown:
                where = best.end if after else best.start
                raise merge.refuse(
                    f"this block's new lines stand among blank lines at line {where + 1}, next to a marker: "
                    "its blank lines may be the file's (the marker keeping the rest) or new ones, which gives "
                    "another number of blank lines; show the unchanged line after (before) the blank lines",
                    block.first,
                    "ambiguous",
                    places=sorted({best.start, rival.start}),
                )
