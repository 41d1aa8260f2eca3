"""Whether original lines a reading deletes are a plausible edit: whole statements or definitions, or the same
code re-wrapped into the lines that replace it (a signature joined onto one line)."""

from __future__ import annotations

from itertools import pairwise

from rapidfuzz import fuzz

from polyedit.apply.anchor import Alignment
from polyedit.apply.structure import Outline

REWRAP_MIN = 90.0  # dropped lines and the lines that replace them, whitespace removed: the same code re-wrapped


def rewrapped(old: list[str], new: list[str]) -> bool:
    """Whether ``new`` is the same code as ``old`` re-wrapped (whitespace removed, rapidfuzz ratio)."""
    before, after = "".join("".join(line.split()) for line in old), "".join("".join(line.split()) for line in new)
    return bool(before and after) and fuzz.ratio(before, after) >= REWRAP_MIN


def deleted_regions(original: list[str], alignment: Alignment) -> list[tuple[range, range]]:
    """(block lines, original rows) between anchored lines where the block drops more original lines than it
    puts back; the rows trimmed of blank lines at both ends."""
    regions = []
    for (i1, p1), (i2, p2) in pairwise(sorted(alignment.pairs.items())):
        if p2 - p1 > i2 - i1:
            rows = [r for r in range(p1 + 1, p2) if original[r].strip()]
            if rows:
                regions.append((range(i1 + 1, i2), range(rows[0], rows[-1] + 1)))
    return regions


def plausible_deletion(outline: Outline, original: list[str], put_back: list[str], rows: range) -> bool:
    """Original ``rows`` a block drops, putting back ``put_back``, are whole syntax nodes or re-wrapped into them."""
    return outline.whole_nodes(rows[0], rows[-1]) or rewrapped([original[r] for r in rows], put_back)
