"""Reading a block by its edges: a context sketch's first and last distinctive lines are the unchanged lines
around the change, so where both stand with nothing deleted between them is where the block goes.

Used when the heaviest chain of runs (``anchor.best_chain``) leaves an edge unanchored, ties, or deletes lines in
doubt. A block that adds a copy of a function otherwise anchors on the function it copies.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from itertools import pairwise

from polyedit.apply.anchor import Run, distinctive


def holds_edges(chain: list[Run], bnorm: list[str]) -> bool:
    """Whether the chain anchors the block's first and last distinctive lines (a context sketch's edges are
    unchanged lines)."""
    marked = [i for i, line in enumerate(bnorm) if distinctive(line)]
    return bool(chain and marked) and chain[0].i == marked[0] and chain[-1].i + chain[-1].length - 1 == marked[-1]


def edge_held_chain(
    bnorm: list[str], onorm: list[str], positions: dict[str, list[int]], lo: int, hi: int
) -> list[Run] | None:
    """The chain that anchors the block's first and last distinctive lines where they stand no further apart than
    in the block (so nothing is deleted), if the file has one such place; else None. Between them, equal lines
    are paired in order and the rest is what the block replaces. Overlapping candidates (an edge line repeated
    within the block's span) are one place: the candidate reading the block as the fewest separate changes wins,
    then the one pairing the most lines, then the one replacing the fewest original lines, if only one does.

    When line weights tie, a deletion is in doubt or the heaviest chain leaves an edge unanchored, this is the
    reading a context sketch means: its edges are the unchanged lines around the change."""
    marked = [i for i, line in enumerate(bnorm) if distinctive(line)]
    if len(marked) < 2:
        return None
    first, last = marked[0], marked[-1]
    places = [
        (a, b)
        for a in positions.get(bnorm[first], ())
        for b in positions.get(bnorm[last], ())
        if lo <= a < b < hi and b - a <= last - first
    ]
    if not places or any(b1 < a2 or b2 < a1 for a1, b1 in places for a2, b2 in places):
        return None
    chains = [_edge_chain(bnorm, onorm, first, last, a, b) for a, b in places]
    # Fewest separate changes (a sketch block shows one change, or a few), then most lines paired, then fewest
    # original lines replaced (the reading that keeps more of the file).
    scores = [
        (-_changes(chain), sum(run.weight for run in chain), sum(run.length for run in chain) - (b - a + 1))
        for chain, (a, b) in zip(chains, places, strict=True)
    ]
    if scores.count(max(scores)) != 1:
        return None
    return chains[scores.index(max(scores))]


def edge_to_end_chain(bnorm: list[str], onorm: list[str], positions: dict[str, list[int]], lo: int) -> list[Run] | None:
    """For a block with no marker after it (it ends where the file ends): the chain that anchors its first
    distinctive line where the file's rest is no longer than the block's, if there is one such place. The lines
    after it are paired in order; the rest is what the block replaces or adds."""
    first = next((i for i, line in enumerate(bnorm) if distinctive(line)), None)
    if first is None:
        return None
    places = [a for a in positions.get(bnorm[first], ()) if lo <= a and len(onorm) - a <= len(bnorm) - first]
    if len(places) != 1:
        return None
    return _paired_after(bnorm, onorm, first, places[0], len(bnorm), len(onorm))


def _changes(chain: list[Run]) -> int:
    """Gaps between consecutive runs where the block adds or the original loses lines."""
    return sum(1 for x, y in pairwise(chain) if y.i > x.i + x.length or y.p > x.p + x.length)


def _edge_chain(bnorm: list[str], onorm: list[str], first: int, last: int, a: int, b: int) -> list[Run]:
    return [*_paired_after(bnorm, onorm, first, a, last, b), Run(last, b, 1, 1)]


def _paired_after(bnorm: list[str], onorm: list[str], i: int, p: int, block_end: int, original_end: int) -> list[Run]:
    """Block line ``i`` anchored at original line ``p``, then equal lines up to the ends paired in order."""
    chain = [Run(i, p, 1, 1)]
    between = SequenceMatcher(None, bnorm[i + 1 : block_end], onorm[p + 1 : original_end], autojunk=False)
    for block_start, original_start, size in between.get_matching_blocks():
        if size:
            k, q = i + 1 + block_start, p + 1 + original_start
            chain.append(Run(k, q, size, sum(1 for j in range(k, k + size) if distinctive(bnorm[j]))))
    return chain
