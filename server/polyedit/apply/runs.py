"""Alignments: which original line each kept line of a block is, for the line-run generator.

Chains of runs of equal lines (``chains.py``) give an alignment per place; it then grows at its edges over lines
that changed only slightly (fuzzy, rapidfuzz), were edited, rewritten, deleted or inserted, which the block then
replaces. Which alignment wins is the cost's decision (``cost.py``), never this module's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise, takewhile

from polyedit.apply.likeness import other_definition, recognisable_edit, rewritten, similar
from polyedit.apply.text import indent_width, norm

DELETION_SLACK = 3  # original lines an edge may skip over when the rest of the block pairs right after them
MAX_INSERTED_AT_EDGE = 12  # new lines before the block's last lines that pair with the original right there
MAX_EDITED_RUN = 3  # changed lines, each a version of the original line it faces, between two agreeing lines
_NON_DISTINCTIVE = frozenset(
    ("", "{", "}", "(", ")", "[", "]", "};", "});", "],", "},", ");", "end", "else:", "else {", "} else {")
)


def distinctive(line_norm: str) -> bool:
    """Lines that can fix a block's place on their own: not blank, not a lone brace, not tiny."""
    return line_norm not in _NON_DISTINCTIVE and len(line_norm) >= 4


@dataclass
class Alignment:
    """Block line index -> original line index, for the block lines that are kept context."""

    pairs: dict[int, int] = field(default_factory=dict)
    fuzzy: set[int] = field(default_factory=set)  # matched only approximately: the block's line replaces it
    covered: set[int] = field(default_factory=set)  # rows replaced by block lines that re-wrap them (not paired)
    weak: set[int] = field(default_factory=set)  # paired lines that are no evidence of place (``evidence.py``)

    @property
    def start(self) -> int:
        return min({*self.pairs.values(), *self.covered})

    @property
    def end(self) -> int:
        return max({*self.pairs.values(), *self.covered})


def pair_edited_gaps(block: list[str], original: list[str], alignment: Alignment) -> None:
    """Between two pairs, as many changed block lines as original lines (up to ``MAX_EDITED_RUN``), each a version of
    the line it faces, are that line edited: paired approximately, the block's version replacing it (``class
    FileSketch:  # changed`` between ``@dataclass(frozen=True)`` and ``path: str``), not a deletion and an insertion
    (which cuts the class's header and makes the reading lose to a place whose line it does not resemble)."""
    delta = indent_delta(block, original, alignment)
    pairs = sorted(alignment.pairs.items())
    for (i1, p1), (i2, p2) in pairwise(pairs):
        size = i2 - i1 - 1
        if not 0 < size <= MAX_EDITED_RUN or p2 - p1 - 1 != size:
            continue
        facing = [(i1 + k, p1 + k) for k in range(1, size + 1)]
        if all(
            block[i].strip()
            and original[p].strip()
            and (
                similar(block[i], original[p], adjacent=True, delta=delta, following=_following(original, p))
                or recognisable_edit(block[i], original[p], delta)
            )
            for i, p in facing
        ):
            alignment.pairs.update(facing)
            alignment.fuzzy.update(i for i, _ in facing)


def extend_edges(block: list[str], original: list[str], alignment: Alignment, lo: int, hi: int) -> None:
    """Grow the alignment outwards from its first and last anchors over slightly changed lines.

    Equal blank lines on the way are taken only if a changed line beyond them is taken too, or the block ends
    there: a blank line that separates new lines from the anchors belongs to the new lines. Equal bracket lines
    next to the anchor (``/**`` above a doc comment's first line, ``}`` after a body) are context.
    """
    delta = indent_delta(block, original, alignment)
    for step in (-1, 1):
        edge = min(alignment.pairs) if step < 0 else max(alignment.pairs)
        i, p = edge + step, alignment.pairs[edge] + step
        pending: list[tuple[int, int]] = []
        while 0 <= i < len(block) and lo <= p < hi:
            if norm_equal(block[i], original[p]):
                pending.append((i, p))
                if distinctive(norm(block[i])):  # a solid match: take it and what led to it
                    for k, q in pending:
                        alignment.pairs[k] = q
                    pending = []
            elif (
                similar(block[i], original[p], adjacent=True, delta=delta, following=_following(original, p))
                and not other_definition(block[i], original[p])  # ``def __repr__(self):`` is not ``def __eq__``
            ) or _replaced_between(block, original, i, p, step, (lo, hi), delta):
                for k, q in pending:
                    alignment.pairs[k] = q
                pending = []
                alignment.pairs[i] = p
                alignment.fuzzy.add(i)
            else:
                rest = _rest_after_deletion(block, original, i, p, step, lo, hi)
                rest = rest if rest is not None else rest_after_insertion(block, original, i, p, step, lo, hi)
                if rest is None and _fixed(original, alignment):
                    rest = _rest_after_rewrite(block, original, (i, p), step, (lo, hi), delta)
                if rest is not None:
                    for k, q in [*pending, *rest]:
                        alignment.pairs[k] = q
                else:  # bracket lines next to the anchor are context, up to a blank line (it belongs to the new lines)
                    for k, q in takewhile(lambda pair: block[pair[0]].strip(), pending):
                        alignment.pairs[k] = q
                pending = []
                break
            i, p = i + step, p + step
        if not (0 <= i < len(block)):  # reached the block's edge: the equal lines belong to the alignment
            for k, q in pending:
                alignment.pairs[k] = q
    _match_outer_blanks(block, original, alignment, lo, hi)


def _match_outer_blanks(block: list[str], original: list[str], alignment: Alignment, lo: int, hi: int) -> None:
    """Blank or brace lines at the very start (end) of a block, beyond its new lines, are the context the model
    copied from just before (after) the anchored region, when they equal it exactly (indentation included): the
    ones next to the region first, else the outermost ones (in ``]`` + blank after new lines, the ``]`` closes the
    new lines and the blank is the copied separator). After a new closer right after the last anchor (the ``}`` of
    a new ``} else {``), the block's last blank lines are the file's blank lines after the anchor."""
    first, last = min(alignment.pairs), max(alignment.pairs)
    n = 0
    while last < len(block) - 1 - n and not distinctive(norm(block[len(block) - 1 - n])):
        n += 1
    if n and len(block) - n > last + 1:
        tail = list(range(len(block) - n, len(block)))
        _pair_weak_run(block, original, alignment, tail, alignment.end + 1, lo, hi)
    elif n:  # a closer right after the last pair, then blank lines: those are the file's blank lines there
        blanks = [i for i in range(len(block) - n, len(block)) if not block[i].strip()]
        end = alignment.end
        if blanks == list(range(len(block) - len(blanks), len(block))) and all(
            lo <= end + 1 + k < hi and not original[end + 1 + k].strip() for k in range(len(blanks))
        ):
            alignment.pairs.update({i: end + 1 + k for k, i in enumerate(blanks)})
    n = 0
    while first > n and not distinctive(norm(block[n])):
        n += 1
    if n and n < first:
        head = list(range(n - 1, -1, -1))  # outwards: from the line next to the new lines to the block's first
        _pair_weak_run(block, original, alignment, head, alignment.start - 1, lo, hi, step=-1)


def _pair_weak_run(
    block: list[str], original: list[str], alignment: Alignment, run: list[int], p: int, lo: int, hi: int, step: int = 1
) -> None:
    """Pair the weak lines ``run`` (listed outwards) with the rows from ``p`` outwards: as many of the inner ones as
    equal them; if not even the first does, the longest outermost part that equals the rows from ``p``."""

    def equal(i: int, q: int) -> bool:
        return lo <= q < hi and block[i].rstrip() == original[q].rstrip()

    inner = 0
    while inner < len(run) and equal(run[inner], p + step * inner):
        inner += 1
    if inner:
        alignment.pairs.update({run[k]: p + step * k for k in range(inner)})
        return
    for size in range(len(run) - 1, 0, -1):
        outer = run[len(run) - size :]
        if all(equal(i, p + step * k) for k, i in enumerate(outer)):
            alignment.pairs.update({i: p + step * k for k, i in enumerate(outer)})
            return


def _rest_after_deletion(
    block: list[str], original: list[str], i: int, p: int, step: int, lo: int, hi: int
) -> list[tuple[int, int]] | None:
    """The block's remaining lines (outwards from i, at least two, one distinctive) found right after skipping up
    to DELETION_SLACK original lines: the context a model shows around a deletion at the block's edge."""
    rest = list(range(i, len(block))) if step > 0 else list(range(i, -1, -1))
    if len(rest) < 2 or not any(distinctive(norm(block[k])) for k in rest):
        return None
    for skip in range(1, DELETION_SLACK + 1):
        targets = [p + step * (skip + n) for n in range(len(rest))]
        if all(lo <= q < hi for q in targets) and all(
            norm_equal(block[k], original[q]) for k, q in zip(rest, targets, strict=True)
        ):
            return list(zip(rest, targets, strict=True))
    return None


def rest_after_insertion(
    block: list[str], original: list[str], i: int, p: int, step: int, lo: int, hi: int
) -> list[tuple[int, int]] | None:
    """The block's last lines (outwards from past i, one distinctive among them) equal to the original lines right
    at p, after up to MAX_INSERTED_AT_EDGE new lines: the context a model shows after an insertion at the block's
    edge (the first unchanged line after new lines, which a marker follows)."""
    for skip in range(1, MAX_INSERTED_AT_EDGE + 1):
        rest = list(range(i + skip, len(block))) if step > 0 else list(range(i - skip, -1, -1))
        if not rest or not any(distinctive(norm(block[k])) for k in rest):
            return None
        targets = [p + step * n for n in range(len(rest))]
        if all(lo <= q < hi for q in targets) and all(
            norm_equal(block[k], original[q]) for k, q in zip(rest, targets, strict=True)
        ):
            return list(zip(rest, targets, strict=True))
    return None


def _fixed(original: list[str], alignment: Alignment) -> bool:
    """Whether a distinctive line the alignment pairs stands once in the file: the block's place is fixed."""
    return any(distinctive(norm(original[q])) and original.count(original[q]) == 1 for q in alignment.pairs.values())


def _rest_after_rewrite(
    block: list[str], original: list[str], at: tuple[int, int], step: int, bounds: tuple[int, int], delta: int
) -> list[tuple[int, int]] | None:
    """The block's remaining lines (outwards, a bracket or code line among them) equal to the original lines right
    after up to ``MAX_EDITED_RUN`` original lines that up to ``MAX_INSERTED_AT_EDGE`` new lines rewrite, each of
    those a version of one of the new lines (in order; a statement may be re-wrapped over several: ``var name =
    method.toLowerCase();`` become ``var name = typeof method === 'string'`` / ``? method.toLowerCase()`` /
    ``: method``): the context a model shows around a statement it rewrote at the block's edge. Only when the block's
    place is fixed already (``_fixed``): a version is weaker evidence than an equal line, and where the block's
    lines stand in several places (``raise TypeError(``, a message, ``)``) it must not choose between them."""
    (i, p), (lo, hi) = at, bounds
    for new in range(1, MAX_INSERTED_AT_EDGE + 1):
        rest = list(range(i + step * new, len(block))) if step > 0 else list(range(i - new, -1, -1))
        if not rest or not any(block[k].strip() for k in rest):
            return None
        added = [block[i + step * n] for n in range(new)][::step]
        for old in range(1, MAX_EDITED_RUN + 1):
            replaced = [original[q] for q in sorted(p + step * n for n in range(old)) if lo <= q < hi]
            targets = [p + step * (old + n) for n in range(len(rest))]
            if len(replaced) != old or not all(lo <= q < hi for q in targets):
                continue
            if all(norm_equal(block[k], original[q]) for k, q in zip(rest, targets, strict=True)) and rewritten(
                replaced, added, delta
            ):
                return list(zip(rest, targets, strict=True))
    return None


def _replaced_between(
    block: list[str], original: list[str], i: int, p: int, step: int, bounds: tuple[int, int], delta: int
) -> bool:
    """Changed lines whose neighbours outwards agree again: one line of any text, or up to ``MAX_EDITED_RUN``
    lines each a recognisable version of the original line it faces (an edited line is evidence of place: the
    ``"--proxy",`` / ``"proxy",`` between ``@click.option(`` and ``type=str,`` replace ``"--proxies",`` /
    ``"proxies",``). The line that agrees is distinctive, or all the rest of the block matches the original line
    for line: with a distinctive line among them, or a bracket line when the changed lines are recognisable edits
    (they are the evidence then: ``coerceRtlRegex.lastIndex = -1`` for ``re[t.COERCERTL].lastIndex = -1``, then
    the ``}`` that ends the block; blank lines alone vouch for nothing). A blank line facing a blank line between
    two edited lines does not end the run (``valueValue := p.String()``, a blank line, ``if valueValue != expected
    {``: one statement and the ``if`` after it, both renamed); it counts neither as an edit nor as agreement."""
    lo, hi = bounds
    if _agrees_after(block, original, i + step, p + step, step, lo, hi):
        return True
    edited = k = 0
    while edited < MAX_EDITED_RUN:
        bi, bp = i + step * k, p + step * k
        if edited and 0 <= bi < len(block) and lo <= bp < hi and not block[bi].strip() and not original[bp].strip():
            k += 1  # a blank line facing a blank line between edited lines: neither a change nor evidence
            continue
        if not _edited(block, original, bi, bp, lo, hi, delta):
            return False
        edited, k = edited + 1, k + 1
        if _agrees_after(block, original, i + step * k, p + step * k, step, lo, hi, weak_rest=True):
            return True
    return False


def _edited(block: list[str], original: list[str], i: int, p: int, lo: int, hi: int, delta: int) -> bool:
    return 0 <= i < len(block) and lo <= p < hi and recognisable_edit(block[i], original[p], delta)


def _agrees_after(
    block: list[str], original: list[str], ni: int, np_: int, step: int, lo: int, hi: int, weak_rest: bool = False
) -> bool:
    if not (0 <= ni < len(block) and lo <= np_ < hi) or not norm_equal(block[ni], original[np_]):
        return False
    if distinctive(norm(block[ni])):
        return True
    rest = range(ni, len(block)) if step > 0 else range(ni, -1, -1)
    pairs = [(k, np_ + (k - ni)) for k in rest]
    solid = any(distinctive(norm(block[k])) for k, _ in pairs)
    bracket = weak_rest and any(block[k].strip() for k, _ in pairs)  # blank lines alone vouch for nothing
    return all(lo <= q < hi and norm_equal(block[k], original[q]) for k, q in pairs) and (solid or bracket)


def indent_delta(block: list[str], original: list[str], alignment: Alignment) -> int:
    """How much deeper the file indents than the sketch, judged on the outermost anchored line."""
    anchored = [i for i in sorted(alignment.pairs) if distinctive(norm(block[i]))]
    if not anchored:
        return 0
    outer = min(anchored, key=lambda i: indent_width(block[i]))
    return indent_width(original[alignment.pairs[outer]]) - indent_width(block[outer])


def norm_equal(a: str, b: str) -> bool:
    return a.split() == b.split()


def _following(original: list[str], p: int) -> str:
    """The original line after row ``p`` (a line continued with its text is a re-wrap, not an edit)."""
    return original[p + 1] if p + 1 < len(original) else ""
