"""Anchoring a sketch block in the original: which original line each kept line of the block is.

Runs of consecutive equal lines (whitespace-insensitive) are found for every distinctive block line; the heaviest
chain of mutually consistent runs (in order in both texts) is the alignment. Two different chains of equal weight
mean the block fits two places: the anchor is ambiguous and the merge refuses. Then the alignment grows at its
edges over lines that changed only slightly (fuzzy, rapidfuzz), which the block then replaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from polyedit.apply.text import indent_width

FUZZY_MIN = 92.0  # a context line the model copied with a small difference
EDGE_FUZZY_MIN = 70.0  # a changed line right next to an anchor, same indentation and first word: a replacement
_NON_DISTINCTIVE = {
    "",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "};",
    "});",
    "],",
    "},",
    ");",
    "end",
    "else:",
    "else {",
    "} else {",
}
_FIRST_WORD = re.compile(r"\s*([\w.]+|\S)")


def distinctive(line_norm: str) -> bool:
    """Lines that can fix a block's place on their own: not blank, not a lone brace, not tiny."""
    return line_norm not in _NON_DISTINCTIVE and len(line_norm) >= 4


@dataclass
class Alignment:
    """Block line index -> original line index, for the block lines that are kept context."""

    pairs: dict[int, int] = field(default_factory=dict)
    fuzzy: set[int] = field(default_factory=set)  # matched only approximately: the block's line replaces it

    @property
    def start(self) -> int:
        return min(self.pairs.values())

    @property
    def end(self) -> int:
        return max(self.pairs.values())


@dataclass(frozen=True)
class Run:
    i: int  # first block line
    p: int  # first original line
    length: int
    weight: int  # distinctive lines in the run

    def before(self, other: Run) -> bool:
        return self.i + self.length <= other.i and self.p + self.length <= other.p


class Ambiguous(Exception):
    def __init__(self, block_line: int, places: list[int]) -> None:
        super().__init__(block_line, places)
        self.block_line = block_line
        self.places = places


def find_runs(bnorm: list[str], onorm: list[str], positions: dict[str, list[int]], lo: int) -> list[Run]:
    """Maximal runs of equal lines through each distinctive block line, trimmed to distinctive ends.

    Trimming lets two runs that share only a blank or brace line chain; the gaps are matched afterwards.
    """
    runs: dict[tuple[int, int], Run] = {}
    for i, line in enumerate(bnorm):
        if not distinctive(line):
            continue
        for p in positions.get(line, ()):
            if p < lo:
                continue
            si, sp = i, p
            while si > 0 and sp > lo and bnorm[si - 1] == onorm[sp - 1]:
                si, sp = si - 1, sp - 1
            ei, ep = i, p
            while ei + 1 < len(bnorm) and ep + 1 < len(onorm) and bnorm[ei + 1] == onorm[ep + 1]:
                ei, ep = ei + 1, ep + 1
            while not distinctive(bnorm[si]):
                si, sp = si + 1, sp + 1
            while not distinctive(bnorm[ei]):
                ei, ep = ei - 1, ep - 1
            if (si, sp) not in runs:
                weight = sum(1 for k in range(si, ei + 1) if distinctive(bnorm[k]))
                runs[(si, sp)] = Run(si, sp, ei - si + 1, weight)
    return sorted(runs.values(), key=lambda r: (r.i, r.p))


def best_chain(runs: list[Run]) -> list[Run]:
    """The heaviest chain of runs ordered in both texts; raises ``Ambiguous`` when two different chains tie."""
    if not runs:
        return []
    score = [0] * len(runs)
    ways = [0] * len(runs)  # number of distinct optimal chains ending at each run (capped at 2)
    prev: list[int | None] = [None] * len(runs)
    for k, run in enumerate(runs):
        best, count, arg = 0, 1, None
        for j in range(k):
            if runs[j].before(run):
                if score[j] > best:
                    best, count, arg = score[j], ways[j], j
                elif score[j] == best and best > 0:
                    count = min(2, count + ways[j])
        score[k], ways[k], prev[k] = best + run.weight, count, arg
    top = max(score)
    ends = [k for k in range(len(runs)) if score[k] == top]
    chain: list[Run] = []
    at: int | None = ends[-1]
    while at is not None:
        chain.append(runs[at])
        at = prev[at]
    chain.reverse()
    if len(ends) > 1 or ways[ends[0]] > 1:
        # Two optimal chains: report the first block line they place differently.
        rivals = [runs[e] for e in ends] if len(ends) > 1 else [r for r in runs if r.weight and r not in chain]
        line = chain[0].i
        places = sorted({chain[0].p - chain[0].i + line, *(r.p - r.i + line for r in rivals)})
        raise Ambiguous(line, places)
    return chain


def chain_alignment(chain: list[Run], bnorm: list[str], onorm: list[str]) -> Alignment:
    """Pairs from the chain's runs, plus equal lines at both ends of each gap between two runs."""
    alignment = Alignment()
    for index, run in enumerate(chain):
        for k in range(run.length):
            alignment.pairs[run.i + k] = run.p + k
        if index + 1 < len(chain):
            nxt = chain[index + 1]
            bi, bj, oi, oj = run.i + run.length, nxt.i - 1, run.p + run.length, nxt.p - 1
            while bi <= bj and oi <= oj and bnorm[bi] == onorm[oi]:
                alignment.pairs[bi] = oi
                bi, oi = bi + 1, oi + 1
            while bi <= bj and oi <= oj and bnorm[bj] == onorm[oj]:
                alignment.pairs[bj] = oj
                bj, oj = bj - 1, oj - 1
    return alignment


def similar(block_line: str, original_line: str, adjacent: bool, delta: int = 0) -> bool:
    """Fuzzy equality: close text, or (next to an anchor) same indentation (after the block's shift ``delta``) and
    first word and fairly close text."""
    a, b = block_line.strip(), original_line.strip()
    if not a or not b:
        return False
    ratio = fuzz.ratio(a, b)
    if ratio >= FUZZY_MIN and len(a) >= 12:
        return True
    if not adjacent or ratio < EDGE_FUZZY_MIN or indent_width(block_line) + delta != indent_width(original_line):
        return False
    first_a, first_b = _FIRST_WORD.match(a), _FIRST_WORD.match(b)
    return bool(first_a and first_b and first_a.group(1) == first_b.group(1))


def extend_edges(block: list[str], original: list[str], alignment: Alignment, lo: int, hi: int) -> None:
    """Grow the alignment outwards from its first and last anchors over slightly changed lines.

    Equal blank or brace lines on the way are taken only if a changed line beyond them is taken too, or the block
    ends there: a blank line that separates new lines from the anchors belongs to the new lines.
    """
    delta = indent_delta(block, original, alignment)
    for step in (-1, 1):
        edge = min(alignment.pairs) if step < 0 else max(alignment.pairs)
        i, p = edge + step, alignment.pairs[edge] + step
        pending: list[tuple[int, int]] = []
        while 0 <= i < len(block) and lo <= p < hi:
            if norm_equal(block[i], original[p]):
                pending.append((i, p))
            elif similar(block[i], original[p], adjacent=True, delta=delta):
                for k, q in pending:
                    alignment.pairs[k] = q
                pending = []
                alignment.pairs[i] = p
                alignment.fuzzy.add(i)
            else:
                pending = []
                break
            i, p = i + step, p + step
        if not (0 <= i < len(block)):  # reached the block's edge: the equal lines belong to the alignment
            for k, q in pending:
                alignment.pairs[k] = q
    _match_outer_blanks(block, original, alignment, lo, hi)


def _match_outer_blanks(block: list[str], original: list[str], alignment: Alignment, lo: int, hi: int) -> None:
    """Blank or brace lines at the very start (end) of a block, beyond its new lines, are the context the model
    copied from just before (after) the anchored region."""
    first, last = min(alignment.pairs), max(alignment.pairs)
    n = 0
    while last < len(block) - 1 - n and not distinctive(" ".join(block[len(block) - 1 - n].split())):
        n += 1
    if n and len(block) - n > last + 1:
        for k in range(n):
            i, p = len(block) - n + k, alignment.end + 1 + k
            if p >= hi or not norm_equal(block[i], original[p]):
                break
            alignment.pairs[i] = p
    n = 0
    while first > n and not distinctive(" ".join(block[n].split())):
        n += 1
    if n and n < first:
        for k in range(n):
            i, p = n - 1 - k, alignment.start - 1 - k
            if p < lo or not norm_equal(block[i], original[p]):
                break
            alignment.pairs[i] = p


def indent_delta(block: list[str], original: list[str], alignment: Alignment) -> int:
    """How much deeper the file indents than the sketch, judged on the outermost anchored line."""
    anchored = [i for i in sorted(alignment.pairs) if block[i].strip()]
    if not anchored:
        return 0
    outer = min(anchored, key=lambda i: indent_width(block[i]))
    return indent_width(original[alignment.pairs[outer]]) - indent_width(block[outer])


def norm_equal(a: str, b: str) -> bool:
    return a.split() == b.split()


def fuzzy_single(bnorm: list[str], onorm: list[str], lo: int) -> tuple[int, list[int]] | None:
    """For a block no line of which matches exactly: a distinctive line with close matches (block index, places)."""
    for i, line in enumerate(bnorm):
        if not distinctive(line) or len(line) < 12:
            continue
        places = [p for p in range(lo, len(onorm)) if fuzz.ratio(line, onorm[p]) >= FUZZY_MIN]
        if places:
            return i, places
    return None
