"""A block framed by the file's own lines: its closer or blank lines before and its context after stand together.

``}``, a blank line, ``fn errorV2() { ... }``, a blank line, ``#[test]``, ``fn indented() {``: the body pairs with
``fn error()``'s, so the cheapest reading renames ``error`` and reads the block's first ``}`` as new, between
``#[test]`` and the renamed header: a closer that closes nothing of the block's, the weak start ``weak_end.py``
refuses. A careful reader reads the block's lines before its first distinctive line (a closer, blank lines) as the
file's lines right before the context the block ends with: the block shows the end of the definition before, its
new lines, and the start of the one after, where they stand together in the file. The lines between are new (a
copy beside the original, which stays), not the original renamed, when the new lines after their first stand
in the file as they are (a copy's body: with its body changed, ``fn errorV2`` may as well be ``fn error``
rewritten). The same holds for blank lines alone before the
first distinctive line (a blank line read as new between ``pub fn is_word_byte`` and the doc comment above it).
"""

from __future__ import annotations

from dataclasses import replace

from polyedit.apply.cost import Piece, Reading
from polyedit.apply.generators import Original
from polyedit.apply.runs import distinctive
from polyedit.apply.sketch import Block
from polyedit.apply.text import norm


def _copied(orig: Original, body: list[str]) -> bool:
    """Whether the new lines after the first stand together in the file as they are (a copy's body)."""
    rows = [line for line in orig.onorm if line]
    return any(rows[k : k + len(body)] == body for k in range(len(rows) - len(body) + 1))


def framed(orig: Original, block: Block, reading: Reading, since: int) -> Reading | None:
    """The reading with the block's leading closer and blank lines paired with the file's right before the run of
    paired lines it ends with, everything between them new, when the leading lines stand there after row
    ``since``; else None."""
    if len(reading.pieces) != 1:
        return None
    bnorm = [norm(line) for line in block.lines]
    head = next((i for i, line in enumerate(bnorm) if distinctive(line)), len(bnorm))
    if not head:
        return None
    pairs = dict(reading.pairs)
    run = len(bnorm)  # the block's trailing run: paired as it is, line by line, up to the reading's end
    while run - 1 > head and pairs.get(run - 1) == reading.end - (len(bnorm) - run + 1):
        run -= 1
        if orig.onorm[pairs[run]] != bnorm[run]:
            run += 1
            break
    # The context after the new lines: the longest part of that run whose rows follow the block's leading lines.
    first = next(
        (
            k
            for k in range(run, len(bnorm))
            if any(distinctive(bnorm[i]) for i in range(k, len(bnorm)))
            and [orig.onorm[r] for r in range(pairs[k] - head, pairs[k])] == bnorm[:head]
        ),
        None,
    )
    if first is None or first <= head or pairs[first] - head < max(since, reading.start + 1):
        return None
    start = pairs[first] - head
    if not _copied(orig, [line for line in bnorm[head + 1 : first] if line]):
        return None  # a changed body: a copy or the original rewritten, the reading cannot tell
    now = {i: start + i for i in range(head)} | {i: r for i, r in pairs.items() if i >= first}
    new = tuple(bnorm[i] for i in range(head, first))
    piece = Piece(start, reading.end, reading.pieces[0].lines)
    edges = (True, False)  # its first distinctive line is new, its last paired
    return replace(
        reading, pieces=(piece,), new_lines=new, kept=frozenset(now.values()), pairs=tuple(now.items()), new_edges=edges
    )
