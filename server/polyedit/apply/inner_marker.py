"""A block after a marker inside a definition's body: the rest of that body.

A sketch that shows a header (``def summarize(rows):``), then a marker indented inside it, then lines at the body's
depth shows the rest of that definition: its lines pair there, not with a look-alike ``return app`` or ``return
data`` of the next function. The block's readings are those inside the definition, when there are any. A block
that starts with the closer of the block its previous one opens (``else if (...) {``, a marker standing for its
body, then ``}`` and new lines) pairs that closer: the body stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from polyedit.apply.cost import Reading
from polyedit.apply.generators import CLOSERS, chain_readings, from_alignment
from polyedit.apply.runs import Alignment
from polyedit.apply.text import indent_width, norm

if TYPE_CHECKING:
    from polyedit.apply.merge import LazyMerge

_OPENS = (":", "{")  # a header line that opens a body


def inside(merge: LazyMerge, prev: Reading, k: int, found: list[Reading]) -> list[Reading]:
    """The readings of block ``k`` inside the definition whose header ends the previous block, when the marker
    between them and the block's first line stand deeper than that header (``def summarize(rows):``, an
    indented marker, ``return {...}``: the block is the rest of its body). A block starting with a closer after a
    marker deeper than it pairs the closer of the scope the previous block's last line is in (``_closing``): when
    that line opens the scope, or when no other reading is found (``    }`` after ``// ... rest of parse
    unchanged``: the marker stands for the rest of that scope). All of them else."""
    block, before = merge.block_at(k), merge.block_at(prev.block)
    marker = merge.marker_before(k)
    shown = [i for i, line in enumerate(before.lines) if line.strip()]
    row = dict(prev.pairs).get(shown[-1]) if shown else None
    first = next((line for line in block.lines if line.strip()), "")
    if row is None or marker is None:
        return found
    if not found and norm(first) in CLOSERS and indent_width(marker.line) > indent_width(first):
        return _closing(merge, k, row, indent_width(first), found)  # the marker stands for the rest of that scope
    if not before.lines[shown[-1]].rstrip().endswith(_OPENS):
        return found
    depth = indent_width(before.lines[shown[-1]])
    if indent_width(marker.line) <= depth:
        return found
    if indent_width(first) == depth and norm(first) in CLOSERS:
        return _closing(merge, k, row, depth, found)
    if indent_width(first) < depth:
        return found
    scope = next((d for d in merge.orig.outline.definitions if d.start == row), None)
    if scope is None:
        return found
    within = [r for r in found if scope.start < r.start <= scope.end]
    if within:
        return within
    # None among the block's best places (a ``return redirect(...)`` standing in many functions, the chains kept
    # for the others): its line runs inside the definition, looked for there alone.
    key = (k, scope.start)
    if key not in merge.inner:
        span = (scope.start + 1, scope.end + 1)
        merge.inner[key] = [r for r in chain_readings(merge.orig, k, block, span) if scope.start < r.start <= scope.end]
    return merge.inner[key] or found


def _closing(merge: LazyMerge, k: int, row: int, depth: int, found: list[Reading]) -> list[Reading]:
    """The readings of block ``k``, after a marker inside the scope the previous block ends in at row ``row``, that
    pair its first line, a closer ``depth`` deep, with the closer of that scope (``else if (...) {``, a marker
    standing for its body, then ``}`` and new lines: the body stays). A block too weak to chain (closers and ``} else
    {`` lines only) pairs there when all its lines stand as they are from that closer on. All of them else."""
    lines, block = merge.orig.lines, merge.block_at(k)
    first = next(i for i, line in enumerate(block.lines) if line.strip())
    closer = next((r for r in range(row + 1, len(lines)) if lines[r].strip() and indent_width(lines[r]) <= depth), None)
    if closer is None or norm(lines[closer]) != norm(block.lines[first]):
        return found
    paired = [r for r in found if (first, closer) in r.pairs]
    if not paired:
        chains = chain_readings(merge.orig, k, block, (closer, len(lines)))
        paired = [r for r in chains if (first, closer) in r.pairs]
    if not paired:  # closers and ``} else {`` lines only, too weak to chain: they pair as they stand from there
        rows = range(closer, closer + len(block.lines) - first)
        if rows.stop <= len(lines) and all(
            lines[r].rstrip() == block.lines[first + j].rstrip() for j, r in enumerate(rows)
        ):
            pairs = {first + j: r for j, r in enumerate(rows)}
            paired = from_alignment(merge.orig, k, block, Alignment(pairs=pairs), "closing")
    return paired or found
