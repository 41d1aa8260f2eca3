"""Re-wrapped readings: block lines that are the same code as consecutive original lines, wrapped differently.

A model often re-wraps a statement it changes or copies: ``return f(\n    a, b\n)`` becomes ``return f(a, b)``,
or one long line becomes three. Line-run chains cannot pair such lines (no line is equal), so the block's new
line would be read as inserted beside the statement it re-wraps, and the file would hold both. A careful reader
sees the same code: the block's lines replace the original's. This generator finds, for each new line of a block
(or a few consecutive ones), the consecutive original lines that start with the same word and, without
whitespace, are the same code (rapidfuzz ratio >= ``cost.REWRAP_MIN``, leaving the same brackets open), then
pairs the block's lines around them with the original's lines around the re-wrapped ones, outwards while they
are equal, then past a few new lines when the rest of the block on that side stands right there: a reading when
every other line of the block pairs so (the re-wrap is the block's one change, or it has a new line beside it, an
``Args:`` entry added above the re-wrapped call, or further re-wraps after it, a class whose headers are all
re-wrapped; other changes are the chains' job). The cost counts the
re-wrapped rows as replaced, not deleted; where the block stands is still the cost's decision.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from rapidfuzz import fuzz

from polyedit.apply.cost import REWRAP_MIN, Reading
from polyedit.apply.edge_guess import sibling
from polyedit.apply.generators import Original, from_alignment
from polyedit.apply.likeness import FIRST_WORD
from polyedit.apply.runs import Alignment, norm_equal, rest_after_insertion
from polyedit.apply.sketch import Block
from polyedit.apply.text import norm

MAX_WRAP_LINES = 6  # lines on either side of a re-wrap
MIN_WRAP_CHARS = 16  # non-whitespace characters: shorter code re-wraps by chance
REWRAP_LENGTHS = 0.6  # as many lines, one at most this share as long as the one it faces: they break elsewhere


@lru_cache(maxsize=1 << 16)
def _packed(line: str) -> tuple[str, int, bool]:
    """A line without whitespace, the brackets it leaves open, and whether it is solid (``_solid``)."""
    packed = "".join(line.split())
    return packed, _depth(packed), _solid(line)


def _depth(text: str) -> int:
    """How many brackets the code leaves open (a re-wrap may add or drop a pair, never half of one)."""
    return sum(text.count(ch) for ch in "([{") - sum(text.count(ch) for ch in ")]}")


def rewrap_alignments(block: list[str], original: list[str], positions: dict[str, list[int]]) -> list[Alignment]:
    """Alignments in which block lines ``[i, i+k)`` re-wrap original rows ``[q, q+m)`` (one line for one is a
    changed line, the line-run chains' job, and so are as many lines each about as long as the one it faces; for
    each start, the sizes that re-wrap best), with the block's equal lines around them paired outwards. A sibling
    is no re-wrap: ``def handler_c(ev):`` for ``def handler_b(ev):``, ``router.get("/c", ...`` for
    ``router.get("/b", ...``."""
    rows_by_word, original_runs = _original_index(tuple(original))
    wraps = _Wraps(block, original, [_runs(block, i) for i in range(len(block))], original_runs)
    found: list[Alignment] = []
    for i, line in enumerate(block):
        word = _first_word(line)
        if word is None or positions.get(norm(line)):
            continue  # a re-wrap starts with a new line
        for q in rows_by_word.get(word, []):
            best = wraps.at(i, q)
            if best is not None and not sibling(line, original[q]):
                alignment, explained = _around(wraps, (i, best[0]), (q, best[1]))
                rest = [j for j, text in enumerate(block) if text.strip() and not i <= j < i + best[0]]
                if all(j in alignment.pairs or j in explained for j in rest):  # the re-wrap is the block's change
                    found.append(alignment)
    return found


_Run = tuple[int, int, int, bool]  # lines, their size and open brackets without whitespace, the last one solid


def _runs(lines: list[str] | tuple[str, ...], start: int) -> list[_Run]:
    """The runs of 1 to MAX_WRAP_LINES non-blank lines from ``start``: what a re-wrap from there may span."""
    runs: list[_Run] = []
    size = depth = 0
    for count in range(1, MAX_WRAP_LINES + 1):
        if start + count > len(lines):
            break
        packed, brackets, solid = _packed(lines[start + count - 1])
        if not packed:
            break
        size, depth = size + len(packed), depth + brackets
        runs.append((count, size, depth, solid))
    return runs


@lru_cache(maxsize=4)
def _original_index(original: tuple[str, ...]) -> tuple[dict[str, list[int]], dict[int, list[_Run]]]:
    """The original's rows by first word, and a cache of its runs by start row: the same for every block."""
    rows_by_word: dict[str, list[int]] = defaultdict(list)
    for q, line in enumerate(original):
        word = _first_word(line)
        if word is not None:
            rows_by_word[word].append(q)
    return rows_by_word, {}


class _Wraps:
    """Where a block's lines re-wrap original rows: the runs of both texts, sized once."""

    def __init__(
        self, block: list[str], original: list[str], block_runs: list[list[_Run]], original_runs: dict[int, list[_Run]]
    ) -> None:
        self.block, self.original = block, original
        self.block_runs, self.original_runs = block_runs, original_runs

    def at(self, i: int, q: int) -> tuple[int, int] | None:
        """The sizes (k, m) for which block lines ``[i, i+k)`` re-wrap original rows ``[q, q+m)`` best, or None."""
        rows = self.original_runs.get(q)
        if rows is None:
            rows = self.original_runs[q] = _runs(self.original, q)
        best: tuple[float, int, int] | None = None
        for k, size, depth, solid in self.block_runs[i]:
            if size < MIN_WRAP_CHARS or not solid:
                continue  # a weak last line is no re-wrap's end
            for m, was_size, was_depth, row_solid in rows:
                if was_size * 0.8 > size:
                    break  # longer still with every further row
                if size * 0.8 > was_size or depth != was_depth or not row_solid:
                    continue  # nor is a weak last row
                new, old = self.block[i : i + k], self.original[q : q + m]
                if k == m > 1 and _line_by_line(new, old):
                    continue
                if norm_equal(new[-1], old[-1]):
                    continue  # an equal last line is context after the re-wrap, not part of it
                score = fuzz.ratio("".join(_packed(line)[0] for line in new), "".join(_packed(line)[0] for line in old))
                if score >= REWRAP_MIN and (best is None or score > best[0]):
                    best = (score, k, m)
        return None if best is None else (best[1], best[2])


def _line_by_line(new: list[str], old: list[str]) -> bool:
    """Whether the new lines break where the old ones do, each about as long as the one it faces (lines changed one
    for one: the line-run chains' job, or another entry of a table), rather than the statement re-wrapped into as
    many lines (``x: T[\n    A\n] = f()`` as ``x: T[A] = (\n    f()\n)``)."""
    sizes = [(len("".join(a.split())), len("".join(b.split()))) for a, b in zip(new, old, strict=True)]
    return all(min(a, b) >= REWRAP_LENGTHS * max(a, b) for a, b in sizes)


def _solid(line: str) -> bool:
    """Code, or a bracket that closes it: not a blank line nor a lone ``*`` or ``//`` of a comment."""
    return any(ch.isalnum() or ch in ")]}" for ch in line)


@lru_cache(maxsize=1 << 16)
def _first_word(line: str) -> str | None:
    match = FIRST_WORD.match(line.strip())
    return match.group(1) if match and line.strip() else None


def _around(wraps: _Wraps, wrap: tuple[int, int], rows: tuple[int, int]) -> tuple[Alignment, set[int]]:
    """The re-wrap's alignment: block lines ``[i, i+k)`` (``wrap``) cover rows ``[q, q+m)`` (``rows``); the block's
    lines around them paired with the original's outwards while equal (after it, further re-wraps of lines that
    start with the same word are covered on the way: a class whose headers are all re-wrapped), then the rest of the
    block's lines on that side when they stand right there after a few new lines (a line added next to the
    re-wrapped statement: the rest of the block still says where it is); and the block lines so explained."""
    (i, k), (q, m) = wrap, rows
    block, original = wraps.block, wraps.original
    alignment = Alignment(covered=set(range(q, q + m)))
    explained: set[int] = set()  # block lines neither paired nor in the first re-wrap: new, or further re-wraps
    for step, j, r in ((-1, i - 1, q - 1), (1, i + k, q + m)):
        while 0 <= j < len(block) and 0 <= r < len(original):
            if norm_equal(block[j], original[r]):
                alignment.pairs[j] = r
                j, r = j + step, r + step
                continue
            same_word = step > 0 and bool(block[j].strip()) and _first_word(block[j]) == _first_word(original[r])
            more = wraps.at(j, r) if same_word else None
            if more is None:
                break
            alignment.covered |= set(range(r, r + more[1]))
            explained |= set(range(j, j + more[0]))
            j, r = j + more[0], r + more[1]
        rest = rest_after_insertion(block, original, j, r, step, 0, len(original)) if 0 <= r < len(original) else None
        if 0 <= j < len(block) and rest:
            alignment.pairs.update(rest)
            explained |= set(range(j, rest[0][0], step))
    return alignment, explained


def rewrap_readings(orig: Original, index: int, block: Block) -> list[Reading]:
    readings: list[Reading] = []
    for alignment in rewrap_alignments(block.lines, orig.lines, orig.positions):
        readings += from_alignment(orig, index, block, alignment, "re-wrap")
    # A re-wrap replaces whole code: a reading that also cuts through syntax is a coincidence, not a re-wrap.
    return [r for r in readings if not r.cost.cut]
