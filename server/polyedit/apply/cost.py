"""Readings and the one cost that orders them.

A reading of a sketch block says which original rows the block replaces and what stands there afterwards: one or
more pieces, each replacing rows ``[start, end)`` with rendered lines. Every generator (``generators.py``,
``definitions.py``) produces readings; only this cost compares them.

The cost is lexicographic, lower is better, term by term:

1. ``cut``       original non-blank lines deleted that are not whole syntax nodes nor re-wrapped into the block
                 nor rewritten by it (a version of each among the lines added there, or all of them together:
                 a changed ``if`` header, a call re-written over fewer lines);
                 a deletion through the middle of a statement is the least plausible reading
2. ``edges``     the block's first and last distinctive lines not paired exactly: a context sketch's edges are
                 the unchanged lines around its change (a block adding a copy of a function otherwise pairs
                 with the function it copies)
3. ``rare``      sketch lines that stand once in the original, not paired with it: such a line fixes the block's
                 place (a reading that pairs only lines standing in many places, ``return data;``, ``}``, and reads
                 the file's one ``const JSONRequested = ...`` as a new copy is the less plausible one)
4. ``unpaired``  distinctive sketch lines not paired with an equal original line (a line the model copied should
                 pair; one paired only approximately, or paired as no evidence (``evidence.py``), counts here too)
5. ``changes``   separate changes (hunks) the reading makes: a sketch block shows one change, or a few; only a
                 distinctive paired line separates two (a docstring's closing quotes or a brace between a new line
                 and a re-wrapped statement do not make them two changes)
6. ``deleted``   original non-blank lines deleted (lines the block re-wraps are replaced, not deleted)
7. ``weak``      blank and brace lines of the sketch read as new
8. ``fuzzy``     lines paired only approximately (the block's version replaces the original's)
9. ``reindent``  paired lines whose indentation changes differently from the block's shift

The margin: a rival that ties the best on terms 1-7 is as good, and so is one that cuts through syntax (term 1)
but explains more sketch lines than it cuts, or holds an edge the best leaves unpaired (terms 2 and 4): then
plausibility and evidence disagree. When such a rival renders
a different file, the merge refuses. So it does when a sketch with markers has none after its last block, read by
name (the file after it kept), and a reading by its lines as good but for the few lines it drops ends the file
there (``file_edges.tail_rival``). Terms 8 and 9 only break ties between readings that differ in how lines
are written, not where.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from rapidfuzz import fuzz

from polyedit.apply.likeness import recognisable_edit, rewritten_whole, similar
from polyedit.apply.runs import MAX_EDITED_RUN, Alignment, distinctive, indent_delta
from polyedit.apply.structure import Outline
from polyedit.apply.text import norm

MARGIN_TERMS = 7  # readings equal on the first seven terms are equally good
REWRAP_MIN = 90.0  # dropped lines and the lines that replace them, whitespace removed: the same code re-wrapped


@dataclass(frozen=True, order=True)
class Cost:
    cut: int = 0
    edges: int = 0
    rare: int = 0
    unpaired: int = 0
    changes: int = 0
    deleted: int = 0
    weak: int = 0
    fuzzy: int = 0
    reindent: int = 0

    def __add__(self, other: Cost) -> Cost:
        return Cost(*(a + b for a, b in zip(self.terms(), other.terms(), strict=True)))

    def terms(self) -> tuple[int, ...]:
        return (
            self.cut,
            self.edges,
            self.rare,
            self.unpaired,
            self.changes,
            self.deleted,
            self.weak,
            self.fuzzy,
            self.reindent,
        )


def within_margin(rival: Cost, best: Cost) -> bool:
    """Whether ``rival`` is as good a reading as ``best`` (see the module's docstring)."""
    if rival.terms()[:MARGIN_TERMS] == best.terms()[:MARGIN_TERMS]:
        return True
    # Plausibility and evidence disagree: the rival explains more sketch lines than it cuts original lines.
    gain = (best.edges + best.unpaired) - (rival.edges + rival.unpaired)
    return rival.cut > best.cut and gain > 0 and (gain >= rival.cut - best.cut or rival.edges < best.edges)


@dataclass(frozen=True)
class Piece:
    start: int  # original rows [start, end) replaced
    end: int
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Reading:
    block: int  # index of the block in the sketch's items
    rule: str  # the generator that made it
    pieces: tuple[Piece, ...]
    cost: Cost
    new_lines: tuple[str, ...] = ()  # normalised lines the reading adds (a move is recognised by them)
    anchored_by_name: bool = False  # a definition-addressed reading: the file around it is kept
    kept: frozenset[int] = field(default_factory=frozenset)  # original rows inside its pieces it keeps
    new_edges: tuple[bool, bool] = (False, False)  # its first (last) non-blank block line is read as new
    pairs: tuple[tuple[int, int], ...] = ()  # (block line, original row) kept as context, of an alignment's reading
    doubt: tuple[str, tuple[int, ...]] | None = None  # why the merge refuses if it picks this reading, and where

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end


def rewrapped(old: list[str], new: list[str]) -> bool:
    """Whether ``new`` is the same code as ``old`` re-wrapped (whitespace removed, rapidfuzz ratio)."""
    before, after = "".join("".join(line.split()) for line in old), "".join("".join(line.split()) for line in new)
    return bool(before and after) and fuzz.ratio(before, after) >= REWRAP_MIN


def _rewritten(dropped: list[str], added: list[str], delta: int) -> bool:
    """Whether each dropped line (up to ``MAX_EDITED_RUN``) has a version among the lines added in its place, in
    order: a statement's header rewritten (``if a:`` become ``if (a) \\`` / ``or b:`` under new comments), its body
    kept; or the dropped lines together are the added ones rewritten (the same first word, close words: ``each(``,
    ``value,``, ``(key, childValue) =>``, ... become ``each(value, (key, childValue) =>`` and its argument, the
    call's ``)`` kept). A careful reader sees an edited statement there, not a deletion through it."""
    if len(dropped) <= MAX_EDITED_RUN:
        rest = iter(added)
        if all(any(recognisable_edit(new, old, delta) for new in rest) for old in dropped):
            return True
    return rewritten_whole(dropped, added)  # a statement rewritten whole, its closing line kept


def alignment_cost(
    block: list[str],
    original: list[str],
    outline: Outline,
    alignment: Alignment,
    span: tuple[int, int],
    reindented: int,
    held: tuple[bool, bool] = (True, True),
    once: frozenset[int] = frozenset(),
) -> Cost:
    """The cost of reading ``block`` as replacing rows ``span`` = [start, end) with ``alignment``'s pairs kept;
    ``held``: whether a marker before (after) the block makes its first (last) line an edge to hold."""
    start, end = span
    pairs = sorted(alignment.pairs.items())
    paired_rows = set(alignment.pairs.values())
    exact = alignment.pairs.keys() - alignment.fuzzy - alignment.weak
    unpaired = sum(1 for i, line in enumerate(block) if i not in exact and distinctive(norm(line)))
    marked = [i for i, line in enumerate(block) if distinctive(norm(line))]
    ends = {marked[0]} if held[0] and marked else set()
    ends |= {marked[-1]} if held[1] and marked else set()
    edges = len(ends - exact)
    weak = sum(1 for i, line in enumerate(block) if i not in alignment.pairs and not distinctive(norm(line)))
    deleted_rows = {r for r in range(start, end) if r not in paired_rows and original[r].strip()}
    cut = 0
    changes = 0
    joined = False  # the previous gap changed something and only weak pairs (blank, bracket) stand since
    for (i1, p1), (i2, p2) in pairwise([(-1, start - 1), *pairs, (len(block), end)]):
        added = [block[i] for i in range(i1 + 1, i2)]
        dropped = [r for r in range(p1 + 1, p2) if original[r].strip()]
        if any(line.strip() for line in added) or dropped:
            changes += 0 if joined else 1
            joined = True
        if i2 < len(block) and distinctive(norm(block[i2])):
            joined = False
        if dropped and rewrapped([original[r] for r in dropped], added):
            deleted_rows -= set(dropped)  # the same code re-wrapped: replaced, not deleted
        elif dropped and outline.root is not None and not outline.whole_nodes(dropped[0], dropped[-1]):
            delta = indent_delta(block, original, alignment)
            cut += 0 if _rewritten([original[r] for r in dropped], added, delta) else len(dropped)
    # A line paired with one it does not resemble (between two agreeing neighbours) is a change of its own.
    changes += sum(1 for i in alignment.fuzzy if not similar(block[i], original[alignment.pairs[i]], adjacent=True))
    rare = len(once - exact)
    return Cost(cut, edges, rare, unpaired, changes, len(deleted_rows), weak, len(alignment.fuzzy), reindented)
