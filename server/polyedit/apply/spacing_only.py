"""A block that would change nothing but blank lines shows a deletion by its neighbours.

A block whose blank lines next to a marker are read as new, while every other line of it stands in the file as it
is, would only change the file's spacing (``assert!(val.is_empty());`` shown after a blank line it did not have).
When the same blank lines stand in the file right before (after) a run of whole statements next to its place
(``weak_end.py``), the block reads as the unchanged lines around a deletion: the blank line before the statements
and the line after them, with nothing between, the way a model shows lines it deletes. A careful reader does not
take a sketch for a change of spacing alone when it shows a deletion that way: the statements between are deleted.

Only blank lines: a bracket read as new changes the code, and the weak-end doubt stands.

A weak end of two or more blank lines before a marker, standing again after the skipped statements where their
scope ends (the next line shallower), is the file's separator after that scope when the file never holds that many
blank lines in a row inside such a scope (``separator``), and a new line restates a skipped one (holds a string
literal of theirs): read as new they would stand inside the function, a spacing the file never uses; the block's
new lines replace the function's last statements.
"""

from __future__ import annotations

import re
from dataclasses import replace

from polyedit.apply.cost import Piece, Reading

_LITERAL = re.compile(r""""[^"]{3,}"|'[^']{3,}'""")


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


def separator(original: list[str], places: list[int], weak: int, tail: list[str], body: list[str]) -> bool:
    """Whether the block's weak end, ``weak`` blank lines (``tail``), is the file's separator after the scope the
    skipped rows ``places`` end: the line after them stands shallower than those rows, and the file never holds
    that many blank lines in a row before a line as deep as them (``print`` shown, then two blank lines, while the
    function's old last statements and two blank lines follow: read as new, the two blank lines would stand inside
    the function, which the file's spacing never does), and a new line of the block (``body``) restates a skipped
    one: it holds a string literal they hold (``echo("\\033[2J...")`` for ``sys.stdout.write("\\033[2J...")``;
    ``validate(args)`` after ``setup(args)`` may as well be inserted before ``run(args)``)."""
    if weak < 2 or any(line.strip() for line in tail):
        return False
    skipped = [line for line in original[places[0] : places[1]] if line.strip()]
    after = places[1] + weak
    if not skipped:
        return False
    present = {line.strip() for line in original}
    literals = {text for line in body if line.strip() not in present for text in _LITERAL.findall(line)}
    if not any(text in line for text in literals for line in skipped):
        return False
    depth = min(len(line) - len(line.lstrip()) for line in skipped)
    if after < len(original) and len(original[after]) - len(original[after].lstrip()) >= depth:
        return False
    run = 0
    for line in original:
        if not line.strip():
            run += 1
            continue
        if run >= weak and len(line) - len(line.lstrip()) >= depth:
            return False
        run = 0
    return True
