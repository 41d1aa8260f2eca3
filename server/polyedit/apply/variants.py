"""Variant readings: a short block with no equal distinctive line replaces the consecutive lines it closely
resembles (same indentation and first word, e.g. an attribute added to a JSX element), bracket or ``*`` lines
around them standing there as they are. Bracket lines fit almost anywhere, so with them the changed lines must
single out the place: no second place where each is a recognisable edit of the line it faces (a
``dirname: string;`` between ``*/`` and ``/**`` fits ``dirname?: string;`` and ``filename?: string;`` alike).
"""

from __future__ import annotations

import re
from itertools import pairwise

from rapidfuzz import fuzz

from polyedit.apply.cost import Reading
from polyedit.apply.edge_guess import sibling
from polyedit.apply.file_edges import bound_names
from polyedit.apply.generators import Original, from_alignment
from polyedit.apply.likeness import EXITS, FUZZY_MIN, line_key, similar
from polyedit.apply.runs import Alignment, distinctive
from polyedit.apply.sketch import Block
from polyedit.apply.text import indent_width, norm

MAX_VARIANT_LINES = 3  # a block this short with no equal line may replace the lines it closely resembles
LOOSE_EDIT_MIN = 60.0  # a line that may be an edit of another: a place a variant's bracket lines do not rule out


def variant_readings(orig: Original, index: int, block: Block) -> list[Reading]:
    """A short block with no distinctive line equal to the original's, whose lines each closely resemble
    consecutive original lines (same indentation and first word, e.g. an attribute added to a JSX element; a
    bracket or ``*`` line around them the same): it replaces them, at each place where they stand (the dynamic
    programme and the margin decide between places)."""
    shown = [line for line in block.lines if line.strip()]
    marked = [line for line in shown if distinctive(norm(line))]
    if not marked or len(marked) > MAX_VARIANT_LINES or any(orig.positions.get(norm(line)) for line in marked):
        return []
    if len(shown) > len(marked) and (_closes_own(shown) or len(_loose_places(orig, shown)) > 1):
        return []  # bracket lines fit anywhere: the changed lines' resemblance must single out one place
    # Before a copied closer that ends their scope, a new entry is appended as well as an old one replaced: only a
    # line the model copied with a small difference (``component: AboutPage`` for ``component: About``), or the
    # scope's exit (``return``), replaces.
    close = len(shown) > len(marked) and _ends_scope(shown)
    readings = []
    for start in range(len(orig.lines) - len(shown) + 1):
        if all(
            similar(line, orig.lines[start + k], adjacent=True)
            and not _another_import(line, orig.lines[start + k])
            and not sibling(line, orig.lines[start + k])
            and (not close or not distinctive(norm(line)) or _replaces(line, orig.lines[start + k]))
            for k, line in enumerate(shown)
        ):
            alignment = Alignment({k: start + k for k in range(len(shown))}, set(range(len(shown))))
            readings += from_alignment(orig, index, Block(shown, block.first, *_flags(block)), alignment, "variant")
    return readings[: MAX_VARIANT_LINES * 2]


def _another_import(line: str, original_line: str) -> bool:
    """Two imports of other names from another module (``import { Observable } from 'rxjs'`` beside ``import {
    Injectable } from '@angular/core'``): a new import, never a variant of the old one."""
    if not (_IMPORT.match(line.strip()) and _IMPORT.match(original_line.strip())):
        return False
    modules = [_MODULE.search(text) for text in (line, original_line)]
    same_module = all(modules) and modules[0].group(0) == modules[1].group(0)  # type: ignore[union-attr]
    return not same_module and not bound_names(line) & bound_names(original_line)


_IMPORT = re.compile(r"(import\s|from\s+\S+\s+import\s|(pub\s+)?use\s|(const|let|var)\s+\S.*=\s*require\()")
_MODULE = re.compile(r"""["'][^"']+["']|(?<=from )\S+(?= import)|(?<=use )[\w:]+(?=::)""")


def _loose_places(orig: Original, shown: list[str]) -> list[int]:
    """Where the block's bracket lines stand as they are and each of its other lines is a recognisable edit of the
    original line it faces (the same indentation, ratio at least ``LOOSE_EDIT_MIN``)."""

    def fits(line: str, row: int) -> bool:
        if not distinctive(norm(line)):
            return line.rstrip() == orig.lines[row].rstrip()
        same_depth = indent_width(line) == indent_width(orig.lines[row])
        return same_depth and fuzz.ratio(line.strip(), orig.lines[row].strip()) >= LOOSE_EDIT_MIN

    rows = range(len(orig.lines) - len(shown) + 1)
    return [start for start in rows if all(fits(line, start + k) for k, line in enumerate(shown))]


def _closes_own(shown: list[str]) -> bool:
    """Whether a bracket line of the block closes a bracket its own lines opened (``func helper() int {``, ``return
    1``, ``}``): the block is a unit shown whole, new code beside the one it resembles, not context copied around an
    edit (a ``]`` that ends the statement above, a ``*/``)."""
    for k, line in enumerate(shown):
        if not distinctive(norm(line)) and any(ch in line for ch in ")]}") and _depth(shown[:k]) > 0:
            return True
    return False


def _replaces(line: str, original_line: str) -> bool:
    """Whether a changed line before a closer that ends its scope replaces the original line rather than stands
    after it: copied with a small difference, or both are the scope's exit (``return resultValue`` for ``return
    result`` before ``}``: a second exit after the first would be dead code)."""
    exits = {line_key(line), line_key(original_line)} <= EXITS
    return exits or fuzz.ratio(line.strip(), original_line.strip()) >= FUZZY_MIN


def _ends_scope(shown: list[str]) -> bool:
    """Whether a bracket line after a changed line stands shallower than it (``];`` after a list's new last entry):
    it closes the scope the changed lines stand in, where a new line is appended as well as an old one replaced."""
    return any(
        not distinctive(norm(line)) and distinctive(norm(prev)) and indent_width(line) < indent_width(prev)
        for prev, line in pairwise(shown)
    )


def _depth(lines: list[str]) -> int:
    """Brackets the lines leave open."""
    text = "".join(lines)
    return sum(text.count(ch) for ch in "([{") - sum(text.count(ch) for ch in ")]}")


def _flags(block: Block) -> tuple[bool, bool, int | None]:
    return block.marker_before, block.marker_after, block.after_indent
