"""Edge-held readings: the block's first and last distinctive lines are the unchanged lines around the change, so
the block replaces what stands between them (a block adding a copy of a function otherwise pairs with the original).
The lines between are paired in order; a second reading pairs only those next to the edges, and the block's
closing lines after its last distinctive line with the file's right there (a method moved above its neighbour,
ended by its ``}``). The cost decides between them (``cost.py``).
"""

from __future__ import annotations

from difflib import SequenceMatcher

from polyedit.apply.chains import Run, chain_alignment
from polyedit.apply.cost import Reading
from polyedit.apply.generators import CLOSERS, Original, from_alignment
from polyedit.apply.runs import Alignment, distinctive
from polyedit.apply.sketch import Block
from polyedit.apply.text import indent_width, norm


def edge_readings(orig: Original, index: int, block: Block) -> list[Reading]:
    bnorm = [norm(line) for line in block.lines]
    marked = [i for i, line in enumerate(bnorm) if distinctive(line)]
    if not marked:
        return []
    readings: list[Reading] = []
    first, last = marked[0], marked[-1]
    if len(marked) >= 2:
        for a in orig.positions.get(bnorm[first], ())[:8]:
            # The last edge's places within reach of this first edge: a common line (``super()``) stands in many
            # places, and the ones near the end of the file must not be cut off by those before ``a``.
            for b in [b for b in orig.positions.get(bnorm[last], ()) if a < b <= a + last - first][:8]:
                chain = [*_paired_after(block.lines, orig, first, a, last, b), Run(last, b, 1, 1)]
                alignment = chain_alignment(chain, bnorm, orig.onorm)
                _pair_outer_equal(bnorm, orig.onorm, alignment)
                readings += from_alignment(orig, index, block, alignment, "edge")
                alignment = chain_alignment([Run(first, a, 1, 1), Run(last, b, 1, 1)], bnorm, orig.onorm)
                _pair_outer_equal(bnorm, orig.onorm, alignment, closers=True)
                readings += from_alignment(orig, index, block, alignment, "edge")
    return readings


def _pair_outer_equal(bnorm: list[str], onorm: list[str], alignment: Alignment, closers: bool = False) -> None:
    """Blank or bracket lines before the block's first pair that equal the original's lines there all the way to
    the block's start, and blank (with ``closers``, closing) lines after its last pair all the way to its end (the
    blank line before a marker, a method's ``}``): the context the model copied."""
    first, start = min(alignment.pairs), alignment.start
    lead = range(first)
    if first <= start and all(not distinctive(bnorm[i]) and bnorm[i] == onorm[start - first + i] for i in lead):
        alignment.pairs.update({i: start - first + i for i in lead})
    last, end = max(alignment.pairs), alignment.end
    tail = range(last + 1, len(bnorm))  # and after its last pair, to the block's end (a method's ``}``)
    if end + len(tail) < len(onorm) and all(
        (not bnorm[i] or (closers and bnorm[i] in CLOSERS)) and bnorm[i] == onorm[end - last + i] for i in tail
    ):
        alignment.pairs.update({i: end - last + i for i in tail})


def _key(line: str, delta: int) -> str:
    """What pairs a line between the edges: its text, and for a bracket line its depth too (after the block's
    shift ``delta``): a ``}`` four columns deeper than the file's ``}`` closes another scope."""
    text = norm(line)
    return text if distinctive(text) or not text else f"{indent_width(line) + delta}:{text}"


def _paired_after(block: list[str], orig: Original, i: int, p: int, block_end: int, original_end: int) -> list[Run]:
    """Block line ``i`` anchored at original line ``p``, then equal lines (``_key``: a bracket line at the same
    depth) up to the ends paired in order."""
    delta = indent_width(orig.lines[p]) - indent_width(block[i])
    bkeys = [_key(line, delta) for line in block[i + 1 : block_end]]
    okeys = [_key(line, 0) for line in orig.lines[p + 1 : original_end]]
    chain = [Run(i, p, 1, 1)]
    between = SequenceMatcher(None, bkeys, okeys, autojunk=False)
    for block_start, original_start, size in between.get_matching_blocks():
        if size:
            k, q = i + 1 + block_start, p + 1 + original_start
            chain.append(Run(k, q, size, sum(1 for j in range(k, k + size) if distinctive(norm(block[j])))))
    return chain
