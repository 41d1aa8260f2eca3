"""A block whose only change, read one way, is a second copy of the line beside it shows a deletion by its neighbours.

``#[test]``, ``#[test]``, ``fn test_unit() {`` after a blank line: read with one ``#[test]`` as new, the block
changes nothing but doubling a line beside itself, no change a model sends a sketch for; read with the two copies
as the file's ``#[test]`` before a test and the one of ``test_unit`` (``doubled_line`` in ``echo.py`` finds such a
second copy, the block's lines beside it standing beside it too and whole statements between), it shows the test
between deleted, by its neighbours. A careful reader takes the change the block shows, not a copy: the rows between
the two copies are deleted (not for a ``#[derive(...)]``: kept twice, it would not compile). When the block
changes anything else, the doubt stands and ``doubled_line`` refuses.

The same holds for a last line read as new right after an exit at its depth while it stands a few rows on
(``echoed_edge``): ``return val.Len() == 0`` then ``return reflect.DeepEqual(...)``, while ``default:`` stands
between them in the file. Read as new, the second exit would be dead code; the block shows the two exits with the
lines between deleted (``echo_deletion``), when that exit is the block's only change and the rows between hold no
bracket (``} else {`` closes and reopens a scope: its exit is no dead code).
"""

from __future__ import annotations

from dataclasses import replace

from polyedit.apply.cost import Piece, Reading
from polyedit.apply.echo import doubled_line, echoed_edge
from polyedit.apply.generators import Original
from polyedit.apply.likeness import EXITS, line_key
from polyedit.apply.sketch import Block
from polyedit.apply.text import indent_width, norm


def deleting_between(orig: Original, block: Block, reading: Reading, since: int, bound: int) -> Reading | None:
    """The reading with both copies of its doubled line paired with the file's and the rows between them deleted,
    when its only new line is that copy and the result stays within rows [``since``, ``bound``); else None."""
    doubt = doubled_line(orig, block, reading)
    if doubt is None or len(reading.pieces) != 1:
        return None
    pairs = dict(reading.pairs)
    bnorm = [norm(line) for line in block.lines]
    new = [k for k in range(len(bnorm)) if k not in pairs]
    if len(new) != 1:
        return None  # the block changes more than the copy (or a blank line): the doubt stands
    i = new[0]
    twin = next((t for t in (i - 1, i + 1) if t in pairs and bnorm[t] == bnorm[i]), None)
    if twin is None or bnorm[i].startswith("#[derive("):
        return None  # a derive standing twice implements its traits twice: the result would not compile
    row = pairs[twin]
    other = doubt[1][0] if doubt[1][1] == row else doubt[1][1]
    lo, hi = sorted((i, twin))
    if other < row:  # the first copy and the lines before it stand before the deleted rows
        moved = {k: other - (lo - k) for k in range(lo + 1)} | {hi: row}
        moved |= {k: p for k, p in pairs.items() if k > hi}
    else:  # the second copy and the lines after it stand after them
        moved = {k: p for k, p in pairs.items() if k < lo} | {lo: row}
        moved |= {k: other + (k - hi) for k in range(hi, len(bnorm))}
    rows = [moved[k] for k in range(len(bnorm))]
    if rows[0] < since or rows[-1] >= bound or any(orig.onorm[r] != bnorm[k] for k, r in enumerate(rows)):
        return None
    piece = Piece(rows[0], rows[-1] + 1, tuple(orig.lines[r] for r in rows))
    pairs_now = tuple(sorted(moved.items()))
    return replace(
        reading, pieces=(piece,), new_lines=(), kept=frozenset(rows), new_edges=(False, False), pairs=pairs_now
    )


def echo_deletion(orig: Original, block: Block, reading: Reading, bound: int) -> Reading | None:
    """The reading with its last line, read as new right after an exit at its depth, paired with the copy standing
    a few rows on (the rows between deleted), when that copy stands before row ``bound``; else None."""
    echo = echoed_edge(orig, block, reading, first=False)
    shown = [k for k, line in enumerate(block.lines) if line.strip()]
    if echo is None or len(shown) < 2 or len(reading.pieces) != 1:
        return None
    pairs = dict(reading.pairs)
    last, before, at = shown[-1], shown[-2], echo[1][1]
    if last in pairs or before not in pairs or at >= bound or last != len(block.lines) - 1:
        return None
    exits = [block.lines[last], orig.lines[pairs[before]]]
    if not {line_key(line) for line in exits} <= EXITS or indent_width(exits[0]) != indent_width(exits[1]):
        return None  # no dead code: the line may be new
    if any(k != last and (k not in pairs or norm(block.lines[k]) != orig.onorm[pairs[k]]) for k in shown):
        return None  # the block changes more than that: the exit may be new, the old one left out for brevity
    if any(set(line) & set("{}") for line in orig.lines[pairs[before] + 1 : at]):
        return None  # the rows between close and reopen a scope (``} else {``): they are no dead code
    piece = reading.pieces[0]
    kept = reading.kept | {at}
    moved = (*reading.pairs, (last, at))
    new = tuple(norm(line) for k, line in enumerate(block.lines) if k not in dict(moved))
    return replace(reading, pieces=(Piece(piece.start, at + 1, piece.lines),), new_lines=new, kept=kept, pairs=moved)
