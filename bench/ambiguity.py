"""Ambiguity oracle for the apply benchmark: could a careful reader of a sketch not know which result is meant?

It judges a case from its own text only (original, sketch, expected, and which lines are markers), never by running
or reading the merge, so the bench can count a refusal of a truly ambiguous case as right.

Lines are compared after stripping trailing whitespace; indentation must match (the writers copy lines verbatim,
and a ``}`` at another depth closes another scope, so a reader would not take it for the shown one).

**Readings.** The sketch is cut at its markers into blocks (maximal runs of non-marker lines; adjacent markers act
as one). A reading gives each block a *window* of original lines ``[x, y)``, the windows in order and apart: the
window's lines are replaced by the block, the lines between two windows are kept by the marker between them, and
the lines before the first (after the last) window are kept only if the sketch starts (ends) with a marker, else
the window is pinned to the file's start (end). Inside its window a block's lines are aligned in order to original
lines: *placed* (the same text), *edited* (a recognisable edit of the line it replaces: same indentation, both at
least 4 characters, ``difflib`` ratio at least 0.6; for lines over 600 characters together, its quick ratio), or
new; window lines aligned to nothing are *deleted*. A block's first line, placed, sits at the window's start (a
marker keeps everything up to a verbatim line; only new or edited lines at a block's edge may replace lines next to
the marker), and likewise its last line at the window's end, unless that edge is pinned to the file's edge.

A block's cost is (placed, matched = placed + edited, deleted), from its best alignment in the window (the text
depends only on the windows). Edited lines make a block whose first line is a changed signature readable: without
them, keeping the old signature beside the new one would delete one line fewer than replacing it, and every such
sketch would look ambiguous; with them, replacing it matches one line more and the readings are incomparable.

**The meant reading** is recovered from ``expected``: the blocks are found in it in order, each gap between them a
run that ``difflib`` aligns to consecutive original lines (what a marker keeps); the windows follow. A sketch no
reading of which gives ``expected`` is ``unreadable`` (reported, never marked), except when one of its marker-looking
lines is meant literally: a reader cannot tell that line from a marker, so that case is ambiguous.

**Ambiguous** means: one block can take another window, between its neighbours' meant windows, that gives a
different text and is at least as parsimonious as its meant window in the Pareto order: no fewer placed lines, no
fewer matched lines, no more deleted lines. So a reading that deletes more lines to place more (dropping dozens of
lines to reach one more matching line) is incomparable and does not count. Two structural rules restrict the other
windows: (1) a block edge line (first or last) that the meant window places there must be placed there again (it
is where the shown code joins the kept code; a reading that turns it into an inserted duplicate, e.g. reads "end of
``f``, then new ``g``" as "rename ``f`` to ``g`` and insert a stray ``}``", is not one a careful reader prefers);
(2) a window where the block changes nothing (all lines placed on consecutive lines) does not count against a meant
window that changes something: a reader knows a block is shown to change something. Moving one block at a time is
enough: when several blocks can shift together, the first (or last) of them can shift alone.

This captures the real failures: a deletion or insertion whose only context is a blank line or a lone brace (the
same shape fits elsewhere at equal cost), repeated code (test tables, near-identical methods), a whole new
definition whose only context fits a rename of its neighbour as well, a new block between two markers with nothing
to anchor it (every gap fits), and a change next to a marker that is not a recognisable edit (the marker could as
well keep the old line). Some of these differ only in where a blank line goes (the reason says so): the expected
text is still not determined by the sketch. SEARCH/REPLACE blocks apply in turn, each to the text the ones before
it left and after the previous block's replacement (blocks come in file order, like lazy blocks); a sketch of them
is ambiguous when a SEARCH text occurs twice there and replacing the other occurrence gives a different text.

Cost: per block, windows are tried only where they can hold enough placed lines (a prefix count of the original
lines that occur in the block; only at the first line's occurrences when rule (1) pins it), at most ``block lines
+ deleted`` long, and each tried start fills only the band of one alignment table that stays within the meant
window's new and deleted lines. About 1-2 ms per case on average, a quarter second for the largest.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, pairwise

SEARCH, DIVIDER, REPLACE = "<<<<<<< SEARCH", "=======", ">>>>>>> REPLACE"
SIMILAR, MIN_EDIT_CHARS, LONG = 0.6, 4, 600
_COMMENTS = (("#", ""), ("//", ""), ("/*", "*/"), ("<!--", "-->"))


@dataclass(frozen=True)
class Verdict:
    kind: str  # "ambiguous", "clear" or "unreadable"
    reason: str = ""

    @property
    def ambiguous(self) -> bool:
        return self.kind == "ambiguous"


def marker_predicate(phrases: Iterable[str]) -> Callable[[str], bool]:
    """True for a line that is a comment holding exactly one of ``phrases`` (the writers' marker wordings)."""
    wanted = {p.strip() for p in phrases}

    def is_marker(line: str) -> bool:
        text = line.strip()
        for opener, closer in _COMMENTS:
            fits = text.startswith(opener) and text.endswith(closer) and len(text) >= len(opener) + len(closer)
            if fits and text[len(opener) : len(text) - len(closer)].strip() in wanted:
                return True
        return False

    return is_marker


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


class _Similar:
    """The edited-line test, cached (the same pairs recur across windows)."""

    def __init__(self) -> None:
        self.cache: dict[tuple[str, str], bool] = {}

    def __call__(self, a: str, b: str) -> bool:
        key = (a, b)
        if key not in self.cache:
            sa, sb = a.lstrip(), b.lstrip()
            ok = len(a) - len(sa) == len(b) - len(sb) and a[: len(a) - len(sa)] == b[: len(b) - len(sb)]
            ok = ok and a != b and len(sa) >= MIN_EDIT_CHARS and len(sb) >= MIN_EDIT_CHARS
            if ok:
                m = difflib.SequenceMatcher(None, sa, sb, autojunk=False)
                ok = m.real_quick_ratio() >= SIMILAR and m.quick_ratio() >= SIMILAR
                ok = ok and (len(sa) + len(sb) > LONG or m.ratio() >= SIMILAR)
            self.cache[key] = ok
        return self.cache[key]


FREE, EDGE, FORCE = "free", "edge", "force"  # how a block's first (last) line may meet its window's edge
_NONE = (-1, -1)


def _costs(
    block: Sequence[str],
    orig: Sequence[str],
    x: int,
    width: int,
    band: tuple[int, int],
    similar: _Similar,
    ends: tuple[str, str] = (EDGE, EDGE),
) -> list[tuple[int, int]]:
    """For each window ``[x, x + w)``, w = 0..width: the best (matched, placed) alignment of ``block`` into it,
    ``_NONE`` if there is none. ``band`` = (most new block lines, most deleted window lines): only the band of the
    table such an alignment passes through is filled. ``ends`` says, for the first and the last line: ``free`` (the
    window is pinned to the file's edge: lines may be deleted beyond an exactly placed line), ``edge`` (placed
    exactly only at the window's edge: a marker keeps everything up to a verbatim line), ``force`` (as ``edge``,
    and the line must be placed exactly)."""
    new, deleted = band
    m = len(block)
    prev = [_NONE] * (width + 1)
    for w in range(min(width, deleted) + 1):
        prev[w] = (0, 0)  # window lines deleted before the first block line
    for k, line in enumerate(block, start=1):
        mode = ends[0] if k == 1 else EDGE if k < m else FREE
        last = ends[1] if k == m else ""
        exact_rows = [_NONE] * (width + 1)  # paths whose line k is placed exactly at w
        other = [_NONE] * (width + 1)  # paths whose line k is new or edited, or with deletions after it
        for w in range(max(0, k - new), min(width, k + deleted) + 1):
            if FORCE not in (mode, last):
                other[w] = prev[w]  # line k new
            if w and prev[w - 1] != _NONE:
                diag, here = prev[w - 1], orig[x + w - 1]
                if here == line:
                    if k > 1 or mode == FREE or w == 1:
                        exact_rows[w] = (diag[0] + 1, diag[1] + 1)
                elif FORCE not in (mode, last) and similar(line, here):
                    other[w] = max(other[w], (diag[0] + 1, diag[1]))
            if w and (k < m or last == FREE):
                other[w] = max(other[w], exact_rows[w - 1], other[w - 1])  # window line w deleted after line k
            elif w and last != FORCE:
                other[w] = max(other[w], other[w - 1])
        prev = [max(e, o) for e, o in zip(exact_rows, other, strict=True)]
    return prev


def _meant_cost(
    block: Sequence[str], orig: Sequence[str], x: int, y: int, similar: _Similar, ends: tuple[str, str]
) -> tuple[int, int]:
    """(matched, placed) of the best alignment of ``block`` into ``[x, y)``, ``_NONE`` if the edge rules allow none;
    difflib's alignment bounds the band."""
    found = sum(b.size for b in difflib.SequenceMatcher(None, block, orig[x:y], autojunk=False).get_matching_blocks())
    return _costs(block, orig, x, y - x, (len(block) - found, y - x - found), similar, ends)[-1]


@dataclass
class _Block:
    lines: list[str]
    start: int  # first sketch line (for reasons)
    x: int = 0  # meant window [x, y)
    y: int = 0


def _split(sketch: list[str], is_marker: Callable[[str], bool]) -> tuple[list[_Block], bool, bool]:
    blocks: list[_Block] = []
    run: list[str] = []
    for index, line in enumerate(sketch):
        if is_marker(line):
            if run:
                blocks.append(_Block(run, index - len(run)))
            run = []
        else:
            run.append(line)
    if run:
        blocks.append(_Block(run, len(sketch) - len(run)))
    lead = bool(sketch) and is_marker(sketch[0])
    trail = bool(sketch) and is_marker(sketch[-1])
    return blocks, lead, trail


def _meant_windows(blocks: list[_Block], lead: bool, trail: bool, orig: list[str], expected: list[str]) -> bool:
    """Set each block's meant window from ``expected``; False when no reading gives ``expected``."""
    aligned: dict[int, int] = {}  # expected line -> original line, for lines difflib keeps
    for tag, i1, _i2, j1, j2 in difflib.SequenceMatcher(None, orig, expected, autojunk=False).get_opcodes():
        if tag == "equal":
            aligned.update({j: i1 + j - j1 for j in range(j1, j2)})
    n_exp = len(expected)
    seen: set[tuple[int, int]] = set()
    starts: list[int] = []

    def gaps(t: int) -> Iterable[int]:
        """Ends of a marker's run of kept lines starting at ``t`` (consecutive original lines)."""
        yield t
        end = t
        while end < n_exp and end in aligned and (end == t or aligned[end] == aligned[end - 1] + 1):
            end += 1
            yield end

    def place(b: int, t: int) -> bool:
        if (b, t) in seen:
            return False
        seen.add((b, t))
        if b == len(blocks):
            return t == n_exp or (trail and all(t2 in aligned for t2 in range(t, n_exp)) and _consecutive(t))
        block = blocks[b].lines
        for t2 in gaps(t) if (b > 0 or lead) else (t,):
            if expected[t2 : t2 + len(block)] == block:
                starts.append(t2)
                if place(b + 1, t2 + len(block)):
                    return True
                starts.pop()
        return False

    def _consecutive(t: int) -> bool:
        return all(aligned[k] == aligned[k - 1] + 1 for k in range(t + 1, n_exp))

    if not blocks or not place(0, 0):
        return False
    for block, t in zip(blocks, starts, strict=True):
        before = [aligned[k] for k in range(t - 1, -1, -1) if k in aligned][:1]
        after = [aligned[k] for k in range(t + len(block.lines), n_exp) if k in aligned][:1]
        block.x = before[0] + 1 if before else 0
        block.y = after[0] if after else len(orig)
    if not lead:
        blocks[0].x = 0
    if not trail:
        blocks[-1].y = len(orig)
    for a, b in pairwise(blocks):
        a.y = min(a.y, b.x)  # a marker that keeps nothing: the lines between go to the later block
    return all(b.x <= b.y for b in blocks) and all(a.y <= b.x for a, b in pairwise(blocks))


def _ends(block: _Block, pin_x: bool, pin_y: bool, orig: list[str]) -> tuple[str, str]:
    """The edge rule for the block's first and last line (``force``: its meant window places it there)."""
    inside = block.x < block.y
    first = FREE if pin_x else FORCE if inside and orig[block.x] == block.lines[0] else EDGE
    last = FREE if pin_y else FORCE if inside and orig[block.y - 1] == block.lines[-1] else EDGE
    return first, last


def _other_window(
    block: _Block, lo: int, hi: int, pin: tuple[bool, bool], orig: list[str], similar: _Similar
) -> str | None:
    """A window for ``block`` in ``[lo, hi)``, other than its meant one, as parsimonious and giving another text."""
    lines, m = block.lines, len(block.lines)
    (pin_x, pin_y), (first, last) = pin, _ends(block, *pin, orig)
    matched0, placed0 = _meant_cost(lines, orig, block.x, block.y, similar, (first, last))
    deleted0 = block.y - block.x - matched0
    noop0 = placed0 == m == block.y - block.x
    meant = [*orig[lo : block.x], *lines, *orig[block.y : hi]]
    longest = m + deleted0  # no window longer can hold as few deleted lines
    words = set(lines)
    hits = list(accumulate((line in words for line in orig[lo:hi]), initial=0))
    if pin_x:
        starts: Iterable[int] = [lo]
    elif first == FORCE:
        starts = [x for x in range(lo, hi) if orig[x] == lines[0]]
    else:
        starts = range(max(lo, hi - longest) if pin_y else lo, hi + 1)
    for x in starts:
        width = min(longest, hi - x)
        if width < 0 or (pin_y and x + width != hi) or hits[x - lo + width] - hits[x - lo] < placed0:
            continue
        table = _costs(lines, orig, x, width, (m - matched0, deleted0), similar, (first, last))
        for w in [width] if pin_y else range(width + 1):
            matched, placed = table[w]
            if (x, x + w) == (block.x, block.y) or placed < placed0 or matched < matched0:
                continue
            if w - matched > deleted0 or (placed == m == w and not noop0):
                continue
            other = [*orig[lo:x], *lines, *orig[x + w : hi]]
            if other != meant:
                blank = [t for t in other if t.strip()] == [t for t in meant if t.strip()]
                return (
                    f"sketch lines {block.start + 1}-{block.start + m} fit original lines {x + 1}-{x + w} "
                    f"(placed {placed}, matched {matched}, deleted {w - matched}) as well as "
                    f"{block.x + 1}-{block.y} (placed {placed0}, matched {matched0}, deleted {deleted0})"
                    + ("; the two texts differ only in blank lines" if blank else "")
                )
    return None


def _search_replace(orig: list[str], sketch: list[str], expected: list[str]) -> Verdict:
    pairs: list[tuple[list[str], list[str]]] = []
    mode, search, replace = "", [], []
    for line in sketch:
        if line.strip() == SEARCH:
            mode, search, replace = "s", [], []
        elif line.strip() == DIVIDER and mode == "s":
            mode = "r"
        elif line.strip() == REPLACE and mode == "r":
            pairs.append((search, replace))
            mode = ""
        elif mode == "s":
            search.append(line)
        elif mode == "r":
            replace.append(line)

    def places(text: list[str], s: list[str], start: int) -> list[int]:
        if not s:  # an empty SEARCH fits an empty file once, and any other file anywhere
            return list(range(start, len(text) + 1))
        return [k for k in range(start, len(text) - len(s) + 1) if text[k : k + len(s)] == s]

    def meant(b: int, text: list[str], start: int) -> list[tuple[list[str], int, int]] | None:
        """For each block: the text it applies to, from where it is searched, and where it is meant."""
        if b == len(pairs):
            return [] if text == expected else None
        s, r = pairs[b]
        for k in places(text, s, start):
            rest = meant(b + 1, [*text[:k], *r, *text[k + len(s) :]], k + len(r))
            if rest is not None:
                return [(text, start, k), *rest]
        return None

    steps = meant(0, orig, 0) if pairs else None
    if steps is None:
        return Verdict("unreadable", "no placement of the SEARCH blocks gives the expected text")
    for b, ((s, r), (text, start, k)) in enumerate(zip(pairs, steps, strict=True)):
        for other in places(text, s, start):
            if other != k and [*text[:other], *r, *text[other + len(s) :]] != [*text[:k], *r, *text[k + len(s) :]]:
                return Verdict("ambiguous", f"SEARCH block {b + 1} occurs at lines {k + 1} and {other + 1}")
    return Verdict("clear")


def judge(original: str, sketch: str, expected: str, is_marker: Callable[[str], bool]) -> Verdict:
    """Whether ``sketch`` applied to ``original`` has one best reading (the one giving ``expected``)."""
    orig, lines, exp = _lines(original), _lines(sketch), _lines(expected)
    if any(line.strip() == SEARCH for line in lines):
        return _search_replace(orig, lines, exp)
    blocks, lead, trail = _split(lines, is_marker)
    similar = _Similar()
    pins = [(b == 0 and not lead, b == len(blocks) - 1 and not trail) for b in range(len(blocks))]
    if not _meant_windows(blocks, lead, trail, orig, exp) or any(
        _meant_cost(block.lines, orig, block.x, block.y, similar, _ends(block, *pin, orig)) == _NONE
        for block, pin in zip(blocks, pins, strict=True)
    ):
        literal = [k + 1 for k, line in enumerate(lines) if is_marker(line) and line in orig]
        if literal:
            return Verdict("ambiguous", f"sketch line {literal[0]} reads as a marker but is also a line of the file")
        return Verdict("unreadable", "no reading of the sketch gives the expected text")
    for b, block in enumerate(blocks):
        lo = blocks[b - 1].y if b else 0
        hi = blocks[b + 1].x if b + 1 < len(blocks) else len(orig)
        why = _other_window(block, lo, hi, pins[b], orig, similar)
        if why:
            return Verdict("ambiguous", why)
    return Verdict("clear")
