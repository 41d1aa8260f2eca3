"""New lines beside an old version of theirs that the marker would keep: replaced when the block restates it whole.

``kept_beside.py`` refuses a block whose new lines, ended by common context only, stand right before an old
version of one of them that the marker keeps (and ``kept_before`` its mirror at a block's start): the block may
replace it or add beside it. A careful reader is not in doubt when the new lines restate every line of the old
statement, not just one: each old line has its version among them, in order (``_default_intance = None`` become
``_default_instance = None`` and ``_lock = Lock()``), or the old lines together are the new ones rewritten
(``each(``, ``value,``, ``(key, childValue) =>``, ``finalizeProperty(...)``, ``true // ...`` become ``each(value,
(key, childValue) =>`` and ``finalizeProperty(...)`` before the same ``)``), and the block's edge lines beyond
them (its blank line before, its common context after) stand beside the old statement too. Kept, the old statement
would stand beside its own new version; the block replaces it, when the new lines bind every name the old ones
bind (or one respelled by a typo fixed: ``connect_timeout`` and ``read_timeout`` do not replace ``timeout``, which
code elsewhere may read). So it does when its last new line is an exit and
the old version kept after it an exit at the same depth (``return this.set('Location', loc);`` while ``return
this.set('Location', encodeUrl(loc));`` follows, ended by the same ``};``): kept, the old exit would be dead code;
the rows before the old exit go with it only when they are comments, closers or assignments (``var m = ...``:
values only the old exit read), not calls (``audit(y);``).
"""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz.distance import Levenshtein

from polyedit.apply.cost import Piece, Reading
from polyedit.apply.generators import Original
from polyedit.apply.kept_beside import MAX_KEPT_DISTANCE, kept_before, kept_beside
from polyedit.apply.likeness import EXITS, line_key, rewritten, rewritten_whole
from polyedit.apply.runs import distinctive
from polyedit.apply.sketch import Block
from polyedit.apply.text import indent_width, norm
from polyedit.apply.unbound import assigns, binds

MAX_RESPELLED = 2  # edits between an old name and the new one that replaces it (a typo fixed)


def replacing_kept(orig: Original, block: Block, reading: Reading, since: int, bound: int) -> Reading | None:
    """The reading widened over the old version ``kept_before`` or ``kept_beside`` finds, when the block's new lines
    restate it whole (see the module's docstring); else None. ``since`` and ``bound``: the rows the neighbouring
    blocks' readings leave free."""
    pairs = dict(reading.pairs)
    bnorm = [norm(line) for line in block.lines]
    new = [block.lines[i] for i, line in enumerate(bnorm) if i not in pairs and distinctive(line)]
    if len(reading.pieces) != 1 or not new:
        return None
    piece = reading.pieces[0]
    anchor = max(pairs, default=None)
    delta = 0 if anchor is None else indent_width(orig.lines[pairs[anchor]]) - indent_width(block.lines[anchor])
    if block.marker_before and (doubt := kept_before(orig, block, reading, since)) is not None:
        row = doubt[1][0]
        lead = next((i for i, line in enumerate(bnorm) if line), 0)  # the block's blank lines before its head
        old = [orig.lines[r] for r in range(row, reading.start) if orig.onorm[r]]
        start = row - lead
        if start < since or any(orig.onorm[r] for r in range(start, row)) or not _restated(old, new, delta):
            return None
        if not _rebinds(old, new):
            return None
        return replace(reading, pieces=(Piece(start, piece.end, piece.lines),))
    if block.marker_after and (doubt := kept_beside(orig, block, reading, bound)) is not None:
        row = doubt[1][1]
        last = max(i for i, line in enumerate(bnorm) if line and i not in pairs and distinctive(line))
        tail = [line for line in bnorm[last + 1 :] if line]
        end = _after(orig, tail, row, bound)
        old = [orig.lines[r] for r in range(reading.end, row + 1) if orig.onorm[r]]
        if end is None:
            return None
        exit_kept = _exit(orig.lines[row]) and any(_exit(line, orig.lines[row], delta) for line in new[-1:])
        # the rows before the old exit go with it only when they compute values (``var m = ...``), which
        # ``unbound.py`` checks the result no longer reads; a call (``audit(y);``) may be kept
        exit_kept = exit_kept and all(_comment(line) or assigns(line) for line in old[:-1])
        if not exit_kept and not _restated(old + _between(orig, row, end, tail), new, delta):
            return None
        if not exit_kept and not _rebinds(old + _between(orig, row, end, tail), new):
            return None
        return replace(reading, pieces=(Piece(piece.start, end, piece.lines),))
    return None


def _comment(line: str) -> bool:
    """A comment line, or closers alone (``}``): no statement of its own."""
    return line.lstrip().startswith(("//", "#", "/*", "*")) or not line.strip(" \t}]);,")


def _exit(line: str, old: str | None = None, delta: int = 0) -> bool:
    """Whether the line leaves its scope (``return``, ``raise``, ``throw``), at the depth of ``old`` when given."""
    same_depth = old is None or indent_width(line) + delta == indent_width(old)
    return line_key(line) in EXITS and same_depth


def _rebinds(old: list[str], new: list[str]) -> bool:
    """Whether every name the old lines bind is bound by the new ones too, or by one spelled within
    ``MAX_RESPELLED`` edits of it (a typo fixed: ``_default_intance``); not ``read_timeout`` for ``timeout``."""
    names = {name for line in new for name in binds(line)}
    return all(
        any(Levenshtein.distance(name, other) <= MAX_RESPELLED for other in names)
        for line in old
        for name in binds(line)
    )


def _restated(old: list[str], new: list[str], delta: int) -> bool:
    """Whether the new lines restate the old ones: each has its version among them, in order (at the block's shift
    ``delta``), or all of them together are the new ones rewritten."""
    return bool(old) and (rewritten(old, new, delta) or rewritten_whole(old, new))


def _after(orig: Original, tail: list[str], row: int, bound: int) -> int | None:
    """The row after the block's common ending (its non-blank lines, in order, blank lines between them allowed)
    where it stands again within a few rows after ``row``, or None."""
    if not tail:
        return None
    for start in range(row + 1, min(bound, row + 1 + MAX_KEPT_DISTANCE)):
        shown = [r for r in range(start, bound) if orig.onorm[r]][: len(tail)]
        if orig.onorm[start] == tail[0] and [orig.onorm[r] for r in shown] == tail:
            return shown[-1] + 1
    return None


def _between(orig: Original, row: int, end: int, tail: list[str]) -> list[str]:
    """The old statement's lines after ``row``, before the common ending that closes it at ``end``."""
    stop = end - 1
    count = len(tail)
    while count and stop > row:
        if orig.onorm[stop]:
            count -= 1
        stop -= 1
    return [orig.lines[r] for r in range(row + 1, stop + 1) if orig.onorm[r]]
