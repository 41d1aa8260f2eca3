"""A block that would change nothing but blank lines shows a deletion by its neighbours.

A block whose blank lines next to a marker are read as new, while every other line of it stands in the file as it
is, would only change the file's spacing (``assert!(val.is_empty());`` shown after a blank line it did not have).
When the same blank lines stand in the file right before (after) a run of whole statements next to its place
(``weak_end.py``), the block reads as the unchanged lines around a deletion: the blank line before the statements
and the line after them, with nothing between, the way a model shows lines it deletes. A careful reader does not
take a sketch for a change of spacing alone when it shows a deletion that way: the statements between are deleted.

Only blank lines: a bracket read as new changes the code, and the weak-end doubt stands.
"""

from __future__ import annotations

from dataclasses import replace

from polyedit.apply.cost import Piece, Reading


def spacing_only(original: list[str], reading: Reading) -> bool:
    """Whether the reading changes blank lines only: its non-blank lines are the rows it replaces, its blank lines
    are not (a reading that changes nothing is no insertion of blank lines)."""
    rows = [original[piece.start : piece.end] for piece in reading.pieces]
    if all(list(piece.lines) == old for piece, old in zip(reading.pieces, rows, strict=True)):
        return False
    return all(
        [line for line in piece.lines if line.strip()] == [line for line in old if line.strip()]
        for piece, old in zip(reading.pieces, rows, strict=True)
    )


def deleting_start(original: list[str], reading: Reading, at: int) -> Reading | None:
    """The reading with its leading blank lines paired with the file's before row ``at`` (the rows from ``at`` to
    the reading's start deleted), when it changes nothing but blank lines; None otherwise."""
    if not spacing_only(original, reading):
        return None
    first = reading.pieces[0]
    blanks = next((k for k, line in enumerate(first.lines) if line.strip()), len(first.lines))
    return replace(reading, pieces=(Piece(at - blanks, first.end, first.lines), *reading.pieces[1:]))
