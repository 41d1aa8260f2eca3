"""Which original definitions a definition shown in a sketch addresses: those of its qualified name
(``definitions.py`` reads the block as replacing them)."""

from __future__ import annotations

from difflib import SequenceMatcher

from polyedit.apply.generators import Original
from polyedit.apply.markers import is_comment
from polyedit.apply.sketch import Block
from polyedit.apply.structure import Definition, named_outermost
from polyedit.apply.text import indent_width, norm

MAX_CANDIDATES = 2  # original definitions of one name tried per shown definition (closest bodies first)
HEADER_ROWS = 3  # rows after a definition's first (attributes, decorators) where its shown header may stand


def targets_of(orig: Original, lines: list[str], name: tuple[str, ...], fragment: bool) -> list[Definition]:
    """Original definitions whose qualified name ends with ``name`` (outermost of a wrapper and what it wraps),
    the closest bodies first. Of several, in a fragment (no marker: its names are its only address), the one whose
    header line is the shown one's, when no other's is and its body is the closest: a careful reader takes
    ``fn into_float(mut self)`` shown alone for the method of that signature, not the free function
    ``into_float(fp)`` (nor ``constructor(options)`` of another class). Beside a marker the block's lines place it
    (two methods shown adjacent delete what stood between them), so a repeated name still addresses nothing."""
    outer = named_outermost(orig.outline.definitions, name)
    shown = [norm(line) for line in lines]

    def closeness(d: Definition) -> float:
        return SequenceMatcher(None, shown, orig.onorm[d.start : d.end + 1], autojunk=False).ratio()

    if len(outer) <= 1:
        return outer
    ranked = sorted(outer, key=closeness, reverse=True)
    header = next((line for line in shown if line and not is_comment(orig.path, line)), "")
    same = [d for d in ranked if header in orig.onorm[d.start : min(d.end, d.start + HEADER_ROWS) + 1]]
    if fragment and len(same) == 1 and same[0] is ranked[0]:
        return same  # the shown header stands in one of them, the closest: that one is meant
    return ranked[:MAX_CANDIDATES]


def siblings(
    block: Block, shown: list[tuple[int, int, tuple[str, ...]]], targets: list[list[Definition]]
) -> list[list[Definition]]:
    """The targets of definitions a block shows side by side at one depth: none when their names are found in
    different scopes (a new ``flush`` shown after ``LazyFile.close`` is not ``FlushGuard.flush``; ``encode`` and
    ``feed`` of two classes whose headers the sketch leaves out): which class the block stands in is the lines'
    to say, not the names'."""
    result = list(targets)
    for depth in {indent_width(block.lines[s]) for s, _, _ in shown}:
        group = [k for k, (s, _, _) in enumerate(shown) if indent_width(block.lines[s]) == depth and targets[k]]
        if len({targets[k][0].name[:-1] for k in group}) > 1:
            for k in group:
                result[k] = []
    return result
