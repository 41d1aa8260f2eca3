"""Settling a weak end: the reading that keeps the lines it skipped breaks the file, and the block vouches for
the other.

A block whose weak end (blank or bracket lines before a marker) is read as new after a line that had none, while
the same lines stand after a run of whole statements, has two readings (``weak_end.py``): it inserts before those
statements, or it replaces them (its weak lines being the context after them). Most often the merge cannot tell,
and refuses. A careful reader is not in doubt when both of these hold:

- keeping the statements leaves the file with a syntax error it did not have, and replacing them does not (read
  as an insertion, ``impl Error {`` + ``}`` closes the impl and leaves its old body dangling after it);
- the block itself says the lines between are replaced (``vouched``):
  - its weak closer closes a bracket opened on a line it pairs with the file, and it shows nothing of that scope
    unchanged in between (``raise TypeError(`` + the message re-wrapped + ``)``; ``if x {`` + ``}``): the closer
    is the original closer of that line, so what stood between is the old body. When it shows part of the scope
    unchanged, the closer may end a partly shown scope and keep the rest (``closer_readings``), so only a block
    that shows the skipped rows elsewhere (an import list re-sorted), or that shows the scope with no new line and
    more of it than it would leave out (``fn f() {`` + one statement + ``}`` while one more statement stood: what
    it leaves out is its only change there, and ``closer_readings`` reads such a block as the whole definition,
    not as a part of it), is vouched for;
  - its weak closer closes a scope opened before the block, right after its last unchanged line
    (``// Note: ...`` + ``}``: the statement after the note is deleted; a docstring's first line + its closing
    triple quotes: the paragraphs after that line are deleted), and no other block of the sketch shows that scope's
    header (else the closer may end a partly shown scope);
  - or the new lines before its weak end are a version of the skipped ones (ratio ≥ ``RESEMBLES_MIN``, whitespace
    removed: a statement changed or re-wrapped); lines paired only approximately count as the block's version,
    with the rows they stand for (``) -> bytes: ...`` for ``) -> bytes:`` and the ``...`` skipped after it).
  Blank lines alone vouch for nothing: after an unchanged line they end a block shown for context as well as
  they stand for deleted lines.

A weak end (or start) is settled at once, with no syntax needed, when every row it skipped stands among the
sketch's new lines in the same scope (``moved_into``: ``from functools import lru_cache`` moved above ``import
unicodedata``): read as an insertion, the file would keep a second copy of lines the sketch shows once, in their
new place. So is a weak end that skipped one line declaring or assigning a name the file has once, when the
block's one new line with that name is its new version (``redeclared``: ``export type MatchStream<O> = ...``
rewritten whole before a ``/**``): read as an insertion, the name would be declared twice.

Every other weak end of the sketch is settled together: the replacing readings must give a file without a new syntax
error, and each insertion kept (the others replaced) must break it; otherwise the merge refuses as before. A weak
start (``weak_start``) is never settled: its closer closes a scope opened before the block, which the block does
not show, so the syntax cannot say which rows it closes (a ``}`` read before ``fn errorV2`` may close the test
above it, or end a renamed copy of it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise

from rapidfuzz import fuzz

from polyedit.apply.cost import Piece, Reading
from polyedit.apply.generators import Original
from polyedit.apply.invariants import syntax_problem
from polyedit.apply.likeness import line_key
from polyedit.apply.moves import scope_line
from polyedit.apply.runs import distinctive
from polyedit.apply.sketch import Block
from polyedit.apply.text import norm

_STATEMENT_WORDS = frozenset({"return", "raise", "throw", "if", "elif", "while", "for", "switch", "case", "yield"})
RESEMBLES_MIN = 60.0  # new lines and the skipped lines they replace, whitespace removed: the same statement changed
_OPENER = {")": "(", "]": "[", "}": "{"}


@dataclass(frozen=True)
class Doubt:
    position: int  # of the reading in the chosen sequence
    reason: str
    places: list[int]  # the reading's end, and the row where the block's weak lines stand after the skipped rows
    weak: int  # the block's weak lines at its end


def vouched(original: list[str], block: Block, reading: Reading, doubt: Doubt, shown: set[int]) -> bool:
    """Whether the block says its weak end replaces the skipped rows (see the module's docstring); ``shown``: the
    original rows the sketch's other blocks stand for."""
    body, closer = block.lines[: -doubt.weak], block.lines[-doubt.weak].strip()
    paired = {i for i, _ in reading.pairs}
    skipped = [line for line in original[doubt.places[0] : doubt.places[1]] if line.strip()]
    opener = _opener(body, closer)
    if opener is not None and opener in paired:
        if not any(i > opener for i in paired):
            return True  # a header, a new body (or none) and its closer: the body is replaced whole
        # The block shows part of the scope unchanged and closes it: that closer may end the scope and keep what
        # the block leaves out (``closer_readings``), unless the block shows the skipped rows elsewhere, or shows
        # that scope unchanged, with no new line (what it leaves out is then its only change there), and more of it
        # than it would leave out (``closer_readings`` then reads it as the whole definition).
        lines = {norm(line) for line in block.lines}
        scope = [k for k in range(opener, len(body)) if body[k].strip()]
        unchanged = all(k in paired for k in scope) and len(skipped) <= len(scope) - 1
        return unchanged or all(norm(line) in lines for line in skipped)
    new: list[str] = []
    k = len(body) - 1
    while k >= 0 and k not in paired:
        if body[k].strip():
            new.insert(0, body[k])
        k -= 1
    if k < 0:
        return False  # nothing of the block pairs before its weak end
    if not new and opener is None:
        # The block closes right after its last unchanged line: the rows between are deleted, unless the sketch
        # shows the scope's header in an earlier block (the closer may then end a partly shown scope).
        header = _opener(original[: doubt.places[1]], closer)
        if header is not None and header not in shown:
            return True
    elif _resembles(new, skipped):
        return True
    # Lines paired only approximately are the block's versions too: ``) -> bytes: ...`` for ``) -> bytes:`` and
    # the ``...`` skipped after it.
    exact = [i for i, row in reading.pairs if i < len(body) and norm(body[i]) == norm(original[row])]
    if not exact or exact[-1] == k:
        return False
    row = dict(reading.pairs)[exact[-1]]
    edited = [line for line in body[exact[-1] + 1 :] if line.strip()]
    return _resembles(edited, [line for line in original[row + 1 : doubt.places[1]] if line.strip()])


def _resembles(new: list[str], old: list[str]) -> bool:
    """Whether the new lines are a version of the old ones (whitespace removed: a statement changed or re-wrapped)."""
    squash = ["".join("".join(line.split()) for line in lines) for lines in (new, old)]
    return bool(new) and fuzz.ratio(*squash) >= RESEMBLES_MIN


def _opener(body: list[str], closer: str) -> int | None:
    """The line of ``body`` that opens the bracket ``closer`` (after its last line) closes, counting that bracket's
    pairs, or None."""
    if closer in ('"""', "'''"):  # a docstring's end: the nearest line above holding one of its quotes alone
        return next((k for k in range(len(body) - 1, -1, -1) if body[k].count(closer) % 2), None)
    if closer[:1] not in _OPENER:
        return None
    close, open_ = closer[0], _OPENER[closer[0]]
    depth = 1
    for k in range(len(body) - 1, -1, -1):
        depth += body[k].count(close) - body[k].count(open_)
        if depth <= 0:
            return k
    return None


def _replacing(reading: Reading, doubt: Doubt) -> Reading:
    """The reading with its weak end paired with the same lines after the rows it skipped: it replaces them."""
    last = reading.pieces[-1]
    return replace(reading, pieces=(*reading.pieces[:-1], Piece(last.start, doubt.places[1] + doubt.weak, last.lines)))


def moved_into(
    orig: Original, chosen: list[Reading], position: int, skipped: range, edge: int, copies: dict[str, set[str]]
) -> list[Reading] | None:
    """The readings with the one at ``position`` grown over the ``skipped`` rows beside its weak end or start, to
    row ``edge`` (past the same weak lines there), when each skipped row stands among the sketch's new lines in
    the same scope (``copies``: a new line's text and the scopes it is shown in, ``home``): an import moved
    within the list, into this block or another; read as an insertion, the file would keep a second copy of lines
    the sketch shows once, in their new place. A copy in another scope (``defer mu.Unlock()`` in a new function,
    ``restart:`` under a new service, a bullet under a new release's heading) is new code, not the row moved.
    None otherwise, or when the grown reading reaches a neighbour's rows."""
    rows = [row for row in skipped if orig.lines[row].strip()]
    if not rows or not all(
        distinctive(orig.onorm[row]) and home(orig.path, orig.lines, row) in copies.get(orig.onorm[row], ())
        for row in rows
    ):
        return None
    return _grown(chosen, position, edge)


def redeclared(
    orig: Original, block: Block, chosen: list[Reading], position: int, skipped: range, edge: int
) -> list[Reading] | None:
    """The readings with the one at ``position`` grown over the ``skipped`` rows, to row ``edge``, when they are
    one line declaring or assigning a name (``export type MatchStream<O> = ...``) and the block's one new line
    with that key is its new version: read as an insertion, the name would be declared twice. None otherwise."""
    rows = [row for row in skipped if orig.lines[row].strip()]
    if len(rows) != 1 or not _declares(orig.lines[rows[0]]):
        return None
    key = line_key(orig.lines[rows[0]])
    paired = {i for i, _ in chosen[position].pairs}
    new = [line for i, line in enumerate(block.lines) if i not in paired and line.strip()]
    if sum(line_key(line) == key for line in new) != 1 or sum(line_key(line) == key for line in orig.lines) != 1:
        return None
    return _grown(chosen, position, edge)


def _declares(line: str) -> bool:
    """Whether the line declares or assigns a name: its key, followed by ``=`` or ``:``, names something, not only
    a statement's keyword (``const x =``, ``self.timeout =``, ``export type MatchStream<O> =``; not a call)."""
    key, text = line_key(line), line.strip()
    assigned = text.startswith(key) and re.match(r"\s*(=(?!=)|:)", text[len(key) :]) is not None
    return assigned and re.search(r"[A-Za-z_]", key) is not None and key.split()[0] not in _STATEMENT_WORDS


def _grown(chosen: list[Reading], position: int, edge: int) -> list[Reading] | None:
    """The readings with the one at ``position`` grown to row ``edge`` at its end (or its start, when ``edge`` is
    before it); None when it then reaches a neighbour's rows."""
    reading = chosen[position]
    first, last = reading.pieces[0], reading.pieces[-1]
    if edge >= reading.end:
        grown = replace(reading, pieces=(*reading.pieces[:-1], Piece(last.start, edge, last.lines)))
    else:
        grown = replace(reading, pieces=(Piece(edge, first.end, first.lines), *reading.pieces[1:]))
    readings = [*chosen[:position], grown, *chosen[position + 1 :]]
    return None if any(a.end > b.start for a, b in pairwise(readings)) else readings


def new_copies(orig: Original, shown: list[tuple[Reading, list[str]]]) -> dict[str, set[str]]:
    """The sketch's new lines (normalised) and the scopes they stand in (``home``), from each chosen reading and
    its block's lines. A line whose block does not show its scope's header stands in the scope the block's first
    paired line has in the file (the block starts inside it), or in none."""
    copies: dict[str, set[str]] = {}
    for reading, lines in shown:
        paired, new = dict(reading.pairs), set(reading.new_lines)
        first = min(paired, default=None)
        for i, line in enumerate(lines):
            text = norm(line)
            if i in paired or text not in new:
                continue
            scope = home(orig.path, lines, i)
            if scope is None and first is not None and first < i:
                scope = home(orig.path, orig.lines, paired[first])
            if scope is not None:
                copies.setdefault(text, set()).add(scope)
    return copies


def home(path: str, lines: list[str], row: int) -> str | None:
    """The scope a line stands in: the nearest line above indented less (``moves.scope_line``); at the top
    level, the Markdown heading or the TOML/INI table above it ("" when none), so a key or a bullet belongs to
    its section. None when the lines above do not show it."""
    scope = scope_line(lines, row)
    if scope != "" or not path.endswith(_SECTIONED):
        return scope
    heading = _HEADING_MD if path.endswith((".md", ".markdown")) else _HEADING_TABLE
    return next((norm(lines[k]) for k in range(row - 1, -1, -1) if heading.match(lines[k])), "")


_SECTIONED = (".md", ".markdown", ".toml", ".ini", ".cfg")
_HEADING_MD = re.compile(r"#{1,6} ")
_HEADING_TABLE = re.compile(r"\[[^\]]+\]\s*$")


def settle(
    path: str,
    original: list[str],
    chosen: list[Reading],
    doubts: list[Doubt],
    render: Callable[[list[Reading]], list[str]],
) -> tuple[list[Reading], set[tuple[str, ...]]] | None:
    """The chosen readings with every doubtful weak end read as replacing what it skipped, when that gives a file
    without a new syntax error and keeping any one of them breaks it, and the broken files (the margin does not
    hold them against the settled readings); None when the doubts stand."""

    def with_replaced(kept: int | None) -> list[Reading] | None:
        readings = list(chosen)
        for number, doubt in enumerate(doubts):
            if number != kept:
                readings[doubt.position] = _replacing(readings[doubt.position], doubt)
        if any(a.end > b.start for a, b in pairwise(readings)):
            return None  # the replaced rows reach into the next block's reading
        return readings

    settled = with_replaced(None)
    if settled is None or syntax_problem(path, original, render(settled)) is not None:
        return None
    broken: set[tuple[str, ...]] = set()
    for kept in range(len(doubts)):
        other = with_replaced(kept)
        if other is None:
            return None
        lines = render(other)
        if syntax_problem(path, original, lines) is None:
            return None  # keeping those statements is a valid file too: the doubt stands
        broken.add(tuple(lines))
    return settled, broken
