"""A block's new edge line echoed by the file just beyond it: the block may mean that line.

A block whose first (last) non-blank line is read as new, next to a marker, while the same distinctive line stands
in the file a few lines before (after) the block's place, among the lines the marker keeps: the model most likely
copied that line as context, and the lines between are what it changed (replaced, re-wrapped or deleted). Reading
the line as new keeps both the old lines and their new version. A careful reader would not insert a copy of a line
that stands a few lines away; when no reading pairs it, the merge refuses rather than duplicate code. A block's
last line that opens a comment (``/**``) counts although it is short: read as new before a marker, it would make
the lines the marker keeps comment text (and hide from the syntax check the old lines it leaves after a new
``};``), so a ``/**`` standing a few lines on is the doc comment the model copied as context.

The same doubt inside a block (``doubled_line``): a block that shows a line twice in a row (``#[test]``,
``#[test]``, ``fn test_unit() {``) where the file has it once there, and read with one copy as new, may instead mean
two of the file's copies with what stands between them deleted (a test function removed, its neighbours' context
shown). A careful reader cannot tell a doubled attribute from a deleted function on the word of a repeated line;
when the lines the block shows beside the pair stand beside the other copy too and the lines between are whole
statements, the merge refuses rather than guess.

And for a run (``echoed_run``): new lines the reading inserts right before rows that hold, as they are, their first
two lines or more (``worker:``, ``image: api:1.4.0`` inserted before the file's own ``image: api:1.4.0``,
``restart: always``, ``worker:``): read so, the file shows those lines twice in a row. The block shows them once;
the reading paired a copy further on (an edge line changed to the text of a line above it) and left the block's
own lines there new. A careful reader would pair the lines where they stand; the merge refuses rather than double.
"""

from __future__ import annotations

import re
from itertools import islice

from polyedit.apply.cost import Reading
from polyedit.apply.generators import Original
from polyedit.apply.likeness import line_key, other_definition
from polyedit.apply.runs import distinctive
from polyedit.apply.sketch import Block
from polyedit.apply.text import norm
from polyedit.apply.weak_end import MAX_WEAK_SKIP

WORD = re.compile(r"\w")
MAX_ECHO_DISTANCE = 12  # rows between the block's place and the echoed line (a few statements, not a definition)
MIN_CONTINUED = 16  # characters of an original line a fragment's new line continues (``  # changed`` added)


def echoed_edge(orig: Original, block: Block, reading: Reading, first: bool) -> tuple[str, list[int]] | None:
    """Why the reading's first (``first``) or last non-blank line, read as new next to a marker, doubles a line
    standing a few rows before (after) the reading's place (the reason and the two places), or None."""
    shown = [norm(line) for line in block.lines if line.strip()]
    if not shown or not reading.new_edges[0 if first else 1]:
        return None
    line = shown[0] if first else shown[-1]
    if not distinctive(line) and (first or not _opens_comment(line)):
        return None
    edge = reading.start if first else reading.end - 1
    if first:
        rows = range(reading.start - 1, max(-1, reading.start - 1 - MAX_ECHO_DISTANCE), -1)
    else:
        rows = range(reading.end, min(len(orig.lines), reading.end + MAX_ECHO_DISTANCE))
    at = next((r for r in rows if orig.onorm[r] == line), None)
    grown = None if at is not None else next((r for r in rows if _grown(line, orig.onorm[r])), None)
    if at is None and grown is None:
        return None
    if grown is not None:
        reason = (
            f"this block's {'first' if first else 'last'} line '{line[:50]}' is read as new at line {edge + 1}, but "
            f"it is line {grown + 1} with words added: the block may mean that line changed; show the unchanged "
            "line next to it"
        )
        return reason, sorted([edge, grown])
    assert at is not None
    reason = (
        f"this block's {'first' if first else 'last'} line '{line[:50]}' is read as new at line {edge + 1}, but it "
        f"stands at line {at + 1}: the block may mean that line and change the lines between; show the unchanged "
        "line next to the change"
    )
    return reason, sorted([edge, at])


def _grown(line: str, old: str) -> bool:
    """Whether ``line`` is the distinctive ``old`` with text inserted inside it, its start and end kept (an
    attribute added to a JSX element): read as new beside it, the old line and its new version would both stay.
    (Text added at its end continues a re-wrapped line, another statement.)"""
    if len(old) < MIN_CONTINUED or not distinctive(old) or len(line) <= len(old):
        return False
    head, tail = _common(line, old), _common(line[::-1], old[::-1])
    inserted, after = line[head : len(line) - tail], line[len(line) - tail :]
    whole = (line[head - 1 : head].isspace() or inserted[:1].isspace()) and (
        after[:1].isspace() or inserted[-1:].isspace()
    )  # whole words inserted, not a typo fixed (``_default_intance``)
    return 0 < head < len(old) and tail > 0 and head + tail >= len(old) and whole and WORD.search(inserted) is not None


def _common(a: str, b: str) -> int:
    """The length of the start ``a`` and ``b`` share."""
    return next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def _opens_comment(line: str) -> bool:
    """A line that opens a block comment and does not close it (``/**``, ``/*``)."""
    return line.startswith("/*") and "*/" not in line


def fragment_echo(orig: Original, block: Block, reading: Reading, shown_rows: set[int]) -> tuple[str, list[int]] | None:
    """Why a markerless fragment, read as replacing definitions by name, reads as new a line that stands once in
    the file outside every definition it replaces (the reason and the two places), or None.

    A fragment's names are its only address; a line it adds that stands in a definition it does not show, exactly
    or continued (``return max(low, min(high, value))`` of the next function, maybe with ``  # changed`` after it)
    says the sketch may as well be the file itself with the lines between changed or deleted: a careful reader
    cannot tell a replaced definition from a cut-down file."""
    if block.marker_before or block.marker_after or not reading.anchored_by_name:
        return None
    for line in reading.new_lines:
        rows = orig.positions.get(line, ()) or [
            row
            for row, old in enumerate(orig.onorm)
            if len(old) >= MIN_CONTINUED and line.startswith(old) and len(orig.positions.get(old, ())) == 1
        ]
        if distinctive(line) and len(rows) == 1 and rows[0] not in shown_rows:
            reason = (
                f"this fragment adds '{line[:50]}', which stands at line {rows[0] + 1} in a definition it does not "
                "show: it may be the whole file with lines deleted; send the whole file, or mark what is left out "
                "with '... existing code ...'"
            )
            return reason, [reading.start, rows[0]]
    return None


def doubled_line(orig: Original, block: Block, reading: Reading) -> tuple[str, list[int]] | None:
    """Why the reading reads as new a distinctive block line equal to the block line beside it, which it pairs,
    while another copy of that line stands within ``MAX_WEAK_SKIP`` rows, beyond the pair on the side of one of the
    two, with the block lines beyond that one standing beside it and whole statements between (the reason and the
    two places), or None."""
    pairs = dict(reading.pairs)
    bnorm = [norm(line) for line in block.lines]
    for i, line in enumerate(bnorm):
        if i in pairs or not distinctive(line):
            continue
        for twin in (i - 1, i + 1):
            if not 0 <= twin < len(bnorm) or twin not in pairs or bnorm[twin] != line:
                continue
            row = pairs[twin]
            for moved in (twin, i):  # the copy read at another place: the twin's, or the new one's
                step = 1 if moved > min(twin, i) else -1
                rows = range(row + step, row + step * (MAX_WEAK_SKIP + 1), step)
                other = next((r for r in rows if 0 <= r < len(orig.lines) and orig.onorm[r] == line), None)
                if other is None or not _context_beside(orig, bnorm, pairs, moved, other, step):
                    continue
                between = sorted((row, other))
                if orig.outline.root is not None and not orig.outline.whole_nodes(between[0] + 1, between[1] - 1):
                    continue
                reason = (
                    f"this block shows '{line[:50]}' twice in a row and reads one copy as new beside line {row + 1}, "
                    f"but another copy stands at line {other + 1}: it may add a second copy or delete the lines "
                    "between the two; show the unchanged lines around the change"
                )
                return reason, between
    return None


def _context_beside(orig: Original, bnorm: list[str], pairs: dict[int, int], moved: int, other: int, step: int) -> bool:
    """Whether the block lines paired beyond ``moved`` (outwards, while paired) equal the rows beyond ``other``."""
    k = moved + step
    while k in pairs:
        row = other + (k - moved)
        if not 0 <= row < len(orig.lines) or orig.onorm[row] != bnorm[k]:
            return False
        k += step
    return True


def echoed_run(orig: Original, block: Block, reading: Reading, once: frozenset[str]) -> tuple[str, list[int]] | None:
    """Why the reading inserts new lines right next to original rows that repeat them all as they are (the rows
    after the insertion, or the ones before it), two lines or more with one the sketch shows once and the file has
    once (``once``; a copied function shows its lines twice, and where the diff pairs its shared tail makes the
    same file) (the reason and the place), or None. The caller asks only when the merged file holds such a line
    twice."""
    pairs = dict(reading.pairs)
    bnorm = [norm(line) for line in block.lines]
    i = 0
    while i < len(bnorm):
        if i in pairs or not bnorm[i]:
            i += 1
            continue
        end = next((k for k in range(i, len(bnorm)) if k in pairs), len(bnorm))
        before = max((pairs[k] for k in range(i) if k in pairs), default=-1)
        at = pairs[end] if end < len(bnorm) else before + 1  # the row the run is inserted before
        run = [bnorm[k] for k in range(i, end) if bnorm[k]]
        following = list(islice((orig.onorm[r] for r in range(at, len(orig.lines)) if orig.onorm[r]), len(run)))
        preceding = list(islice((orig.onorm[r] for r in range(before, -1, -1) if orig.onorm[r]), len(run)))[::-1]
        inserted = at == before + 1  # nothing between is replaced
        wrapped = _above_lead(orig, bnorm, pairs, i, len(run))
        if inserted and any(_repeats(run, rows, once) for rows in (following, preceding, wrapped)):
            reason = (
                f"this block's new lines from '{run[0][:40]}' on are read as inserted at line {at + 1}, next to "
                "the same lines as they stand: the file would show them twice; show the changed line with an "
                "unchanged line next to it"
            )
            return reason, [at]
        i = end
    return None


def _above_lead(orig: Original, bnorm: list[str], pairs: dict[int, int], i: int, size: int) -> list[str]:
    """The ``size`` non-blank rows right above the one or two paired lines that lead the new run at block line
    ``i`` (httpcore's ``with``/``if`` read as new under the file's ``try:`` while they stand right above it: a
    ``try:`` moved up over them, read as the lines copied down under it); empty when no such lead."""
    lead = [k for k in range(i - 1, max(-1, i - 3), -1) if k in pairs and bnorm[k]]
    if not lead or any(k not in pairs for k in range(min(lead), i) if bnorm[k]):
        return []
    top = min(pairs[k] for k in lead)
    return list(islice((orig.onorm[r] for r in range(top - 1, -1, -1) if orig.onorm[r]), size))[::-1]


def _repeats(run: list[str], rows: list[str], once: frozenset[str]) -> bool:
    """Whether the new lines ``run`` are the lines ``rows`` as they stand, but for a few versions of them (the same
    key, ``background-color: #cff4fc;`` for ``background-color: #fff3cd;``; not another definition's header, a
    copied ``func (d *T) FinishV2()`` beside ``Finish()``): two equal lines at least, one of them
    shown once in the sketch and standing once in the file."""
    if len(rows) != len(run) or len(run) < 2:
        return False
    equal = [a for a, b in zip(run, rows, strict=True) if a == b]
    versions = all(
        a == b or (line_key(a) and line_key(a) == line_key(b) and not other_definition(a, b))
        for a, b in zip(run, rows, strict=True)
    )
    return versions and len(equal) >= 2 and any(line in once for line in equal)
