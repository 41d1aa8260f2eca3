"""Pairings that cannot justify a deletion: the far side of a large deletion held only by common lines.

A block pairs its lines with the original's; between two pairs, the original lines not paired are deleted. A
pairing fixes a place only when it is solid: a line that stands once in the file, or the block's first (last)
distinctive line paired exactly at the block's indentation shift (the context the model copied next to its
marker). ``return data;``, ``.add("valid", () => {`` or ``}`` stand in many places and pair wherever a chain
reaches. When the pairs beyond a block's last (first) solid pair are all such common lines and reaching them
deletes more than ``DELETION_SLACK`` non-blank original lines, they are most likely new lines the block adds (a
new ``if`` ending with ``return data;`` at another depth), not the far side of a large deletion: a careful reader
would not delete 14 lines on the word of a ``return data;``. The pairs are marked ``weak``, and the cost counts
them as unpaired (``cost.py``): the reading that inserts those lines competes on equal terms, and where both
remain as good, the margin refuses.

The other way round (``shown_deleted``): rows between two lines a block shows next to each other, both standing
once in the file, are deleted on the sketch's own word, however many; the removal-share limit does not count them.
"""

from __future__ import annotations

from itertools import pairwise

from polyedit.apply.runs import DELETION_SLACK, Alignment, distinctive, indent_delta
from polyedit.apply.structure import Outline
from polyedit.apply.text import indent_width, norm


def _solid(i: int, alignment: Alignment, bnorm: list[str], positions: dict[str, list[int]]) -> bool:
    return i not in alignment.fuzzy and distinctive(bnorm[i]) and len(positions.get(bnorm[i], ())) == 1


def weak_pairs(
    block: list[str], original: list[str], alignment: Alignment, positions: dict[str, list[int]]
) -> set[int]:
    """Block lines paired beyond the block's last (first) solid pair, reached by deleting more than
    ``DELETION_SLACK`` non-blank original lines (none of them solid, by construction)."""
    bnorm = [norm(line) for line in block]
    pairs = sorted(alignment.pairs.items())
    marked = [i for i, line in enumerate(bnorm) if distinctive(line)]
    delta = indent_delta(block, original, alignment)
    edges = {
        i
        for i in marked[:1] + marked[-1:]
        if i in alignment.pairs
        and i not in alignment.fuzzy
        and indent_width(original[alignment.pairs[i]]) - indent_width(block[i]) == delta
    }
    solid = [k for k, (i, _) in enumerate(pairs) if i in edges or _solid(i, alignment, bnorm, positions)]
    if not solid:
        return set()
    weak: set[int] = set()
    for side in (pairs[solid[-1] :], pairs[: solid[0] + 1][::-1]):
        anchor_p = side[0][1]
        beyond = side[1:]
        if not beyond:
            continue
        paired = {p for _, p in beyond}
        lo, hi = sorted((anchor_p, beyond[-1][1]))
        dropped = sum(1 for r in range(lo + 1, hi) if r not in paired and original[r].strip())
        if dropped > DELETION_SLACK:
            weak |= {i for i, _ in beyond}
    return weak


def without_weak(block: list[str], alignment: Alignment) -> Alignment | None:
    """The alignment with its weak pairs dropped, but for those right next to the pairs it keeps (None when it has
    none, or none would stay): the reading that inserts the lines those pairs hold, which must compete with the one
    deleting on their word. The chains of many places are cut to the heaviest (``runs.chains``); the lighter chain
    of the solid pairs alone may not be among them (a new suite copied from the next one: ``.add("valid", () => {``
    ... ``});``)."""
    if not alignment.weak:
        return None
    kept = {i: p for i, p in alignment.pairs.items() if i not in alignment.weak}
    if not kept:
        return None
    # The weak lines right next to a kept pair, nothing deleted between, stay context (``});`` after the anchor),
    # up to a blank line (it separates the new lines from the anchor: it belongs to them).
    weak = sorted((i, alignment.pairs[i]) for i in alignment.weak if block[i].strip())
    for i, p in weak:
        if kept.get(i - 1) == p - 1:
            kept[i] = p
    for i, p in reversed(weak):
        if kept.get(i + 1) == p + 1:
            kept[i] = p
    return Alignment(kept, alignment.fuzzy & kept.keys(), alignment.covered)


def shown_deleted(
    block: list[str], pairs: tuple[tuple[int, int], ...], positions: dict[str, list[int]], outline: Outline
) -> set[int]:
    """Original rows a block shows deleted: the rows between two lines it shows next to each other (blank lines
    aside), both paired exactly with lines that stand once in the file, when they hold one definition at most (a
    ``main()`` deleted between the imports and the next function). Such a deletion is what the sketch says (the
    line before it, then the line after it), so the removal-share limit, which guards the deletions a merge
    infers, does not count it. Several definitions gone between two lines is a forgotten marker as likely."""
    bnorm = [norm(line) for line in block]
    solid = sorted((i, p) for i, p in pairs if distinctive(bnorm[i]) and len(positions.get(bnorm[i], ())) == 1)
    rows: set[int] = set()
    for (i1, p1), (i2, p2) in pairwise(solid):
        if p2 > p1 + 1 and not any(bnorm[k] for k in range(i1 + 1, i2)):
            inside = [d for d in outline.definitions if p1 < d.start and d.end < p2]
            if len([d for d in inside if not any(o.start < d.start and d.end <= o.end for o in inside)]) <= 1:
                rows.update(range(p1 + 1, p2))
    return rows
