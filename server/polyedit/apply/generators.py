"""Generators of readings for one sketch block, each with one job. None decides: the cost does (``cost.py``).

- ``chain_readings``: line-run chains, one per place the block's equal lines point to (``chains.py``), grown at
  their edges (``runs.py``) over slightly changed lines and closing brackets; a new line at the block's edge may
  replace the original line beside it that starts with the same name, is a recognisable edit of it or the same
  definition's header.
- ``edge_readings`` (``edge_held.py``): edge-held placements.
- ``scope_readings``: end-of-scope placements for a block no line of which is found: at the file's start (the
  file's first lines it resembles line by line are replaced), after the body the marker before it covers, before
  the closing lines of that scope, or at the file's end (in JSON, a last block of closers that are the file's last
  lines stands for them).
- ``closer_readings``: a block that shows part of a scope (opening it, or after a marker inside it) and ends with
  its lone closer: the closer is the scope's end and what the block does not show of the scope stays.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from polyedit.apply.chains import chain_alignment, chains, find_runs
from polyedit.apply.cost import Cost, Piece, Reading, alignment_cost
from polyedit.apply.evidence import weak_pairs, without_weak
from polyedit.apply.indentation import block_steps, render
from polyedit.apply.likeness import FIRST_WORD, recognisable_edit, same_header, same_start, similar
from polyedit.apply.runs import Alignment, distinctive, extend_edges, pair_edited_gaps
from polyedit.apply.sketch import Block
from polyedit.apply.structure import Definition, Outline, outline_of
from polyedit.apply.text import indent_width, norm, reindent

CLOSERS = frozenset({"}", "};", "},", "end", "})", "});", ")", ");", "]", "];", "</div>", "fi", "esac", "done"})


@dataclass
class Original:
    """The original file, indexed once for every generator."""

    path: str
    lines: list[str]
    tabs: bool
    onorm: list[str] = field(init=False)
    positions: dict[str, list[int]] = field(init=False)
    outline: Outline = field(init=False)

    @cached_property
    def steps(self) -> frozenset[int]:
        """The widths the file steps in by after a ``{`` or ``:`` line."""
        return block_steps(self.lines)

    @cached_property
    def mixed(self) -> bool:
        """The file indents some lines with tabs and others with spaces (a bundle of a tab-indented dependency and
        space-indented code): then a line takes the style of the code around it, not the file's majority."""
        return any(line.startswith("\t") for line in self.lines) and any(
            line.startswith(" ") and not line.startswith(" *") and line.strip() for line in self.lines
        )

    def tabs_at(self, row: int) -> bool:
        """Whether a line written beside original row ``row`` indents with tabs: in a file mixing both, as the
        first indented line of the innermost definition holding the row does (code, where the row itself may be
        a line of a string: a raw SQL string's spaces in a tab-indented Go function), else as the row itself does
        unless it is a string's line; else as the file does."""
        if not self.mixed:
            return self.tabs
        for definition in self._innermost_first:
            if definition.start < row <= definition.end:
                body = (r for r in range(definition.start + 1, definition.end + 1) if self.lines[r].strip())
                first = next(body, None)  # a variable's value may start with a string's lines: look further out
                if first is not None and not self.outline.in_string(first, indent_width(self.lines[first])):
                    return self._style(self.lines[first])
        return self.tabs if self.outline.in_string(row, indent_width(self.lines[row])) else self._style(self.lines[row])

    @cached_property
    def _innermost_first(self) -> list[Definition]:
        return sorted(self.outline.definitions, key=lambda d: -d.start)

    def _style(self, line: str) -> bool:
        return line.startswith("\t") if line[:1] in ("\t", " ") else self.tabs

    def __post_init__(self) -> None:
        self.onorm = [norm(line) for line in self.lines]
        self.positions = defaultdict(list)
        for index, line in enumerate(self.onorm):
            self.positions[line].append(index)
        self.outline = outline_of(self.path, tuple(self.lines))


def chain_readings(orig: Original, index: int, block: Block, span: tuple[int, int] | None = None) -> list[Reading]:
    """Line-run readings of the block; with ``span`` (rows [lo, hi)), only those whose runs lie there."""
    lo, hi = span or (0, len(orig.lines))
    bnorm = [norm(line) for line in block.lines]
    runs = find_runs(block.lines, orig.lines, bnorm, orig.onorm, orig.positions, lo, hi)
    found = [chain_alignment(chain, bnorm, orig.onorm) for chain in chains(runs)]
    readings = []
    for alignment in found:
        pair_edited_gaps(block.lines, orig.lines, alignment)
        extend_edges(block.lines, orig.lines, alignment, lo, hi)
        alignment.weak = weak_pairs(block.lines, orig.lines, alignment, orig.positions)
        readings += from_alignment(orig, index, block, alignment, "line-run")
        if (solid := without_weak(block.lines, alignment)) is not None:
            readings += from_alignment(orig, index, block, solid, "line-run")
        for variant in _edge_variants(block.lines, orig.lines, alignment):
            readings += from_alignment(orig, index, block, variant, "line-run+replaced-edge")
    return readings


def _edge_variants(block: list[str], original: list[str], alignment: Alignment) -> list[Alignment]:
    """The alignment with the new line next to its first (last) pair read as replacing the original line next to it,
    when both start with the same word at the same indentation, or it is a recognisable edit of it (``entryValue :=
    &Entry{`` beside ``entry := &Entry{``) or the same definition's header (also the first of new lines that re-wrap
    it), with the blank lines beyond it that equal the original's there: inserted or modified, the cost and the
    margin decide (``<hr data-id="x" />`` next to ``<hr />``)."""
    variants = []
    shown = [i for i, line in enumerate(block) if line.strip()]
    edges = [(-1, min(alignment.pairs) - 1, alignment.start - 1), (1, max(alignment.pairs) + 1, alignment.end + 1)]
    if shown and shown[0] < min(alignment.pairs) - 1 and same_header(block[shown[0]], original[alignment.start - 1]):
        edges.append((-1, shown[0], alignment.start - 1))  # a header re-wrapped over new lines, the same name
    for step, i, p in edges:
        at_edge = bool(shown) and i in (shown[0], shown[-1])  # the new line next to the marker
        if at_edge and 0 <= p < len(original) and _replaces(block[i], original[p]):
            variant = Alignment({**alignment.pairs, i: p}, {*alignment.fuzzy, i})
            i, p = i + step, p + step
            while 0 <= i < len(block) and 0 <= p < len(original) and not block[i].strip() and not original[p].strip():
                variant.pairs[i] = p
                i, p = i + step, p + step
            variants.append(variant)
    return variants


def _replaces(block_line: str, original_line: str) -> bool:
    """Whether a new line at the block's edge may replace the original line beside it (neither a bracket line)."""
    if same_start(block_line, original_line) or same_header(block_line, original_line):
        return True
    both = distinctive(norm(block_line)) and distinctive(norm(original_line))
    return both and recognisable_edit(block_line, original_line)


def closer_readings(orig: Original, index: int, block: Block) -> list[Reading]:
    """A block that shows part of a scope and ends with its lone closer (``}``, ``});``, ``end``): the closer is
    the end of the scope, and what the block does not show of the scope stays. The block either opens the scope
    (when more of the scope is left out than the block shows of it, and the block shows part of the body unchanged;
    else the block is the whole definition, header, new body and closer, and its end is the end), or a marker
    before it stands in the scope and the block shows a member of it whole before the closer (a partial class:
    header, marker, a method, the class's ``}``)."""
    shown = [i for i, line in enumerate(block.lines) if line.strip()]
    closing = norm(block.lines[shown[-1]]) if shown else ""
    if len(shown) < 3 or closing not in CLOSERS or not ("}" in closing or closing == "end"):  # a scope, not a call
        return []
    closer = norm(block.lines[shown[-1]])
    head = Block(block.lines[: shown[-1]], block.first, block.marker_before, False)  # the closer holds its end
    readings = []
    opened_before = block.marker_before and len(open_closers(block.lines)) == 1  # it closes the marker's scope
    for reading in chain_readings(orig, index, head):
        around = [d for d in orig.outline.definitions if d.start < reading.end <= d.end]
        around = [d for d in around if d.start >= reading.start or opened_before]
        scope = min(around, key=lambda d: d.end - d.start, default=None)
        if scope is None or orig.onorm[scope.end] != closer:
            continue
        left = sum(1 for r in range(reading.end, scope.end) if orig.lines[r].strip())
        if scope.start < reading.start and not _member_shown_whole(orig, head, reading, scope.start):
            continue  # the closer of new code (or of a member shown in part), not the scope's
        if scope.start < reading.start and (
            _unchanged(orig, head, reading)
            or not any(orig.lines[r].strip() for r in range(scope.start + 1, reading.start))
        ):
            continue  # a member shown as it stands, or the scope's first after a marker, then the closer: moved last?
        if scope.start >= reading.start and (
            left <= len(shown) - 2 or not any(scope.start < r < scope.end for r in reading.kept)
        ):
            continue  # a block showing none of the body as it stands shows the new body whole
        tail = Piece(scope.end, scope.end + 1, (orig.lines[scope.end],))
        kept = reading.kept | {scope.end}
        readings.append(
            Reading(index, "end-of-scope", (*reading.pieces, tail), reading.cost, reading.new_lines, kept=kept)
        )
    return readings


def _unchanged(orig: Original, head: Block, reading: Reading) -> bool:
    """Whether every non-blank line of the block pairs with an equal original line: it shows no change."""
    pairs = dict(reading.pairs)
    return all(i in pairs and norm(line) == orig.onorm[pairs[i]] for i, line in enumerate(head.lines) if line.strip())


def _member_shown_whole(orig: Original, head: Block, reading: Reading, scope_start: int) -> bool:
    """Whether the block, before its closer, ends with a member of the scope shown to its own last line, paired
    (``fn f() { ... }`` then the ``}`` of the ``impl``): the block's closer is then the scope's, not the member's."""
    last = max((i for i, line in enumerate(head.lines) if line.strip()), default=None)
    row = dict(reading.pairs).get(last) if last is not None else None
    return row is not None and any(scope_start < d.start and d.end == row for d in orig.outline.definitions)


def scope_readings(
    orig: Original,
    index: int,
    block: Block,
    after: int,
    marker_indent: int | None,
    is_first: bool,
    is_last: bool,
    opened: bool = False,
) -> list[Reading]:
    """Placements for a block whose lines are new: ``after`` is the first row after the previous block's reading,
    ``marker_indent`` the indentation of the marker before the block (None without one), ``opened``: the sketch's
    new lines before it leave a brace open."""
    n = len(orig.lines)
    lines = [reindent(line, 0, orig.tabs) if orig.tabs else line for line in block.lines]
    new = tuple(norm(line) for line in block.lines if line.strip())
    shown = [norm(line) for line in block.lines]
    cost = Cost(unpaired=sum(map(distinctive, shown)), changes=1, weak=sum(not distinctive(line) for line in shown))

    def insert(at: int, rule: str) -> Reading:
        return Reading(index, rule, (Piece(at, at, tuple(lines)),), cost, new)

    if is_first and marker_indent is None:  # the sketch starts where the file starts
        return [_at_start(orig, index, block, lines, cost, new)]
    readings = []
    closers = open_closers(block.lines)
    if marker_indent is not None and after > 0:
        around = [d for d in orig.outline.definitions if d.start < after <= d.end + 1 and d.end + 1 >= after]
        for d in sorted(around, key=lambda d: d.end - d.start):
            if closers:
                start = d.end - len(closers) + 1
                shown = [norm(line) for line in block.lines[-len(closers) :]]
                if start >= after and orig.onorm[start : d.end + 1] == shown:
                    delta = indent_width(orig.lines[d.end]) - indent_width(block.lines[-1])
                    start -= _closing_before(orig, block.lines[: -len(closers)], start, after, delta)
                    body = lines[: len(block.lines) - (d.end + 1 - start)]
                    if _restates_last(orig, body, start, after):
                        break
                    body = [reindent(line, delta, orig.tabs) for line in body] if delta else body
                    piece = Piece(start, d.end + 1, (*body, *orig.lines[start : d.end + 1]))
                    kept = frozenset(range(start, d.end + 1))
                    readings.append(Reading(index, "end-of-scope", (piece,), cost, new, kept=kept))
                    break
            elif d.header_indent < marker_indent and _starts_definition(orig.path, block.lines):
                readings.append(insert(max(d.end + 1, after), "end-of-scope"))
                break
    if not readings and is_last and marker_indent is not None:
        end = (
            None
            if opened
            else _file_end(orig, index, block, closers, after) or _before_last_closers(orig, index, block, after)
        )
        if end is not None:
            readings.append(end)
        elif opened or not closers or orig.outline.root is not None or orig.path.endswith(_JSON):
            # (without a grammar, new code closed by a closer neither it nor the sketch's new lines opened ends a
            # scope no outline finds: the end of the file is a guess, after the file's own closers)
            readings.append(insert(n, "end-of-file"))
    return readings


_JSON = (".json", ".jsonc", ".json5")


def _file_end(orig: Original, index: int, block: Block, closers: list[str], after: int) -> Reading | None:
    """In JSON, and in a file no grammar reads (CSS, Ruby, shell), a last block of closers only, after a marker,
    that are the file's last lines (no grammar tells the scope): they stand for those lines, not new ones after
    them (the ``}`` of an ``@media`` block, a Ruby class's ``end``)."""
    shown = [norm(line) for line in block.lines if line.strip()]
    if orig.path.endswith(_JSON):
        if not closers or len(closers) != len(shown):
            return None
    elif orig.outline.root is not None or not shown or not all(line in CLOSERS for line in shown):
        return None  # in code, a lone closer may close a new scope the sketch opened (``namespace X {``)
    rows = [r for r, line in enumerate(orig.onorm) if line][-len(shown) :]
    if len(rows) < len(shown) or rows[0] < after or [orig.onorm[r] for r in rows] != shown:
        return None
    end = len(orig.lines)
    piece = Piece(rows[0], end, tuple(orig.lines[rows[0] : end]))
    return Reading(index, "end-of-file", (piece,), Cost(), (), kept=frozenset(range(rows[0], end)))


def _before_last_closers(orig: Original, index: int, block: Block, after: int) -> Reading | None:
    """In a file no grammar reads, a last block after a marker of new code then closers standing shallower than
    its first line (a Ruby method, then the class's ``end``): when those closers are the file's last lines, as
    they stand, the new code goes before them."""
    if orig.outline.root is not None or orig.path.endswith(_JSON):
        return None
    shown = [line for line in block.lines if line.strip()]
    if not shown:
        return None
    depth = indent_width(shown[0])
    closing = 0
    while closing < len(shown) and norm(shown[-1 - closing]) in CLOSERS and indent_width(shown[-1 - closing]) < depth:
        closing += 1
    if not closing or closing == len(shown):
        return None
    rows = [r for r, line in enumerate(orig.onorm) if line][-closing:]
    if (
        len(rows) < closing
        or rows[0] < after
        or [orig.lines[r].rstrip() for r in rows] != [line.rstrip() for line in shown[-closing:]]
    ):
        return None
    first_closer = [i for i, line in enumerate(block.lines) if line.strip()][len(shown) - closing]
    body = tuple(block.lines[:first_closer])
    end = len(orig.lines)
    new = tuple(norm(line) for line in body if line.strip())
    piece = Piece(rows[0], end, (*body, *orig.lines[rows[0] : end]))
    cost = Cost(unpaired=sum(map(distinctive, new)), changes=1)
    return Reading(index, "end-of-file", (piece,), cost, new, kept=frozenset(range(rows[0], end)))


def _restates_last(orig: Original, body: list[str], start: int, after: int) -> bool:
    """Whether the new lines end with a line that starts like the scope's last statement, right before its closers
    (a second ``return parse(...)``): the block may mean to replace that statement rather than add before it."""
    last = next((line for line in reversed(body) if line.strip()), None)  # right before the closers
    last = last if last is not None and distinctive(norm(last)) else None  # not a new member's own ``}``
    row = next((r for r in range(start - 1, after - 1, -1) if distinctive(orig.onorm[r])), None)
    if last is None or row is None:
        return False
    a, b = FIRST_WORD.match(last.strip()), FIRST_WORD.match(orig.lines[row].strip())
    return bool(a and b and a.group(1) == b.group(1))


def _closing_before(orig: Original, body: list[str], start: int, after: int, delta: int) -> int:
    """How many of the bracket lines ending ``body`` (``</>``, ``);`` before a function's ``}``) stand right before
    row ``start`` as they are (at the block's shift) and close nothing the block opened: they close what the file
    closes there, not new lines."""
    n = 0
    while n < len(body) and start - n - 1 >= after:
        line, row = body[-n - 1], start - n - 1
        if not line.strip() or distinctive(norm(line)) or norm(line) != orig.onorm[row]:
            break
        if indent_width(line) + delta != indent_width(orig.lines[row]) or _depth(body[: len(body) - n - 1]) > 0:
            break  # at another depth, or closing what the block opened (a new method's own ``}``)
        n += 1
    return n


def _depth(lines: list[str]) -> int:
    """Brackets the lines leave open."""
    text = "".join(lines)
    return sum(text.count(ch) for ch in "([{") - sum(text.count(ch) for ch in ")]}")


def _at_start(orig: Original, index: int, block: Block, lines: list[str], cost: Cost, new: tuple[str, ...]) -> Reading:
    """A first block with no marker before it and no equal line: it replaces the file's first lines when each of its
    lines closely resembles the file's line at the same place (a renamed import); else it is inserted there."""
    shown = [(i, line) for i, line in enumerate(block.lines) if line.strip()]
    close = [i < len(orig.lines) and similar(line, orig.lines[i], adjacent=True) for i, line in shown]
    size = len(block.lines) if close and all(close) else 0
    return Reading(index, "file-start", (Piece(0, size, tuple(lines)),), cost, new)


def open_closers(lines: list[str]) -> list[str]:
    """The block's last lines that close scopes it did not open (a partial class closed by a lone brace)."""
    depth = 0
    for line in lines:
        depth += line.count("{") - line.count("}")
    trailing: list[str] = []
    for line in reversed(lines):
        if norm(line) in CLOSERS and len(trailing) < -depth:
            trailing.insert(0, line)
        else:
            break
    return trailing


def _starts_definition(path: str, lines: list[str]) -> bool:
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    return first is not None and outline_of(path, tuple(lines)).definition_end(first) is not None


def from_alignment(orig: Original, index: int, block: Block, alignment: Alignment, rule: str) -> list[Reading]:
    """The reading of an alignment: the block replaces the rows from its first paired line to its last."""
    if not alignment.pairs and not alignment.covered:
        return []
    start, end = alignment.start, alignment.end + 1
    lines, reindented = render(orig, block.lines, alignment)
    new = tuple(norm(block.lines[i]) for i in range(len(block.lines)) if i not in alignment.pairs)
    kept = frozenset(alignment.pairs.values())
    held = (block.marker_before, block.marker_after)
    once = frozenset(i for i, line in enumerate(block.lines) if _once(orig, norm(line)))
    cost = alignment_cost(block.lines, orig.lines, orig.outline, alignment, (start, end), reindented, held, once)
    shown = [i for i, line in enumerate(block.lines) if line.strip()]
    edges = (shown[0] not in alignment.pairs, shown[-1] not in alignment.pairs) if shown else (False, False)
    pairs = tuple(sorted(alignment.pairs.items()))
    piece = Piece(start, end, tuple(lines))
    return [Reading(index, rule, (piece,), cost, new, kept=kept, new_edges=edges, pairs=pairs)]


def _once(orig: Original, line: str) -> bool:
    """A distinctive line that stands once in the original: it alone fixes a place."""
    return distinctive(line) and len(orig.positions.get(line, ())) == 1
