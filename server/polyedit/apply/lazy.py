"""Merge a lazy sketch (changed code with elision markers between) into the original, or refuse.

The sketch is cut into blocks (kept code) and markers. Each block is anchored in the original, in order:
a run of matching lines (exact, then whitespace-insensitive, then fuzzy) fixes its place; the alignment then grows
outwards line by line. Original lines between a block's anchors that the block does not show are deleted; lines
a marker stands for are kept. The syntax tree decides what a marker covers when the next block cannot be anchored
(a marker inside a function body keeps the rest of that body), whether a deletion between anchors removes whole
statements, and a definition the block shows whole replaces the original definition whole.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from polyedit.apply.anchor import (
    Alignment,
    Ambiguous,
    DoubtfulDeletion,
    Run,
    best_chain,
    chain_alignment,
    distinctive,
    extend_edges,
    find_runs,
    fuzzy_single,
    indent_delta,
    similar,
)
from polyedit.apply.deletions import deleted_regions, plausible_deletion, rewrapped
from polyedit.apply.edges import edge_held_chain, edge_to_end_chain, holds_edges
from polyedit.apply.markers import is_marker
from polyedit.apply.structure import Outline
from polyedit.apply.text import indent_width, norm, reindent
from polyedit.apply.types import ApplyRefused


@dataclass
class Block:
    lines: list[str]
    first: int  # 1-based sketch line of lines[0]


@dataclass
class Marker:
    line: str
    number: int  # 1-based sketch line


def segment(sketch: list[str], styles: tuple[str, ...]) -> list[Block | Marker]:
    items: list[Block | Marker] = []
    for number, line in enumerate(sketch, start=1):
        if is_marker(line, styles):
            items.append(Marker(line, number))
        elif items and isinstance(items[-1], Block):
            items[-1].lines.append(line)
        else:
            items.append(Block([line], number))
    return items


MAX_DROPPED_AT_EDGE = 3
_CLOSERS = {"}", "};", "},", "end", "})", "});"}
_OPENERS = (":", "{", "(", "[", ",", "=>", "=")


def _continues(lines: list[str]) -> bool:
    """Whether the last non-blank line leaves code open (a body, a bracket, an expression)."""
    last = next((line.strip() for line in reversed(lines) if line.strip()), "")
    return last.endswith(_OPENERS)


class LazyMerge:
    def __init__(self, path: str, original: list[str], sketch: list[str], styles: tuple[str, ...], tabs: bool):
        self.path = path
        self.original = original
        self.onorm = [norm(line) for line in original]
        self.positions: dict[str, list[int]] = defaultdict(list)
        for index, line in enumerate(self.onorm):
            self.positions[line].append(index)
        self.items = segment(sketch, styles)
        self.tabs = tabs
        self.outline = Outline(path, original)

    def refuse(self, reason: str, line: int | None = None) -> ApplyRefused:
        return ApplyRefused(self.path, reason, line, kind="anchor")

    def anchor(self, block: Block, lo: int, hi: int | None = None) -> Alignment | None:
        """Align a block with original lines lo..hi-1; None when no line of it is found there."""
        hi = len(self.original) if hi is None else hi
        bnorm = [norm(line) for line in block.lines]
        runs = find_runs(block.lines, self.original, bnorm, self.onorm, self.positions, lo, hi)
        try:
            chain = best_chain(runs)
        except Ambiguous as exc:
            settled = self._settle(exc, block, bnorm, lo, hi)
            if settled is None:
                text = block.lines[exc.block_line].strip()[:60]
                lines = ", ".join(str(p + 1) for p in exc.places[:4])
                raise ApplyRefused(
                    self.path,
                    f"ambiguous anchor '{text}': it fits the original equally well at lines {lines}; "
                    "include more unchanged lines around it",
                    block.first + exc.block_line,
                    kind="ambiguous",
                    details={"places": exc.places, "starts": exc.starts},
                ) from None
            chain = settled  # it holds the block's edges
        if chain and not holds_edges(chain, bnorm):
            # A chain that leaves the block's first or last distinctive line unanchored reads that line as new; when
            # both stand in one place with nothing deleted between, that place is the reading a sketch means (a
            # block adding a copy of a function otherwise anchors on the function it copies).
            edged = edge_held_chain(bnorm, self.onorm, self.positions, lo, hi)
            if edged is None and block is self.items[-1] and hi == len(self.original):  # no marker after it
                edged = edge_to_end_chain(bnorm, self.onorm, self.positions, lo)
            chain = edged or chain
        if chain:
            alignment = chain_alignment(chain, bnorm, self.onorm)
        else:
            single = fuzzy_single(bnorm, self.onorm, lo, hi)
            if single is None:
                return None
            index, places = single
            if len(places) > 1:
                where = ", ".join(str(p + 1) for p in places[:4])
                text = block.lines[index].strip()[:60]
                reason = f"ambiguous anchor '{text}': close matches at lines {where}"
                details = {"places": places, "starts": places}
                raise ApplyRefused(self.path, reason, block.first + index, kind="ambiguous", details=details)
            alignment = Alignment({index: places[0]}, {index})
        extend_edges(block.lines, self.original, alignment, lo, hi)
        return alignment

    def _settle(self, doubt: Ambiguous, block: Block, bnorm: list[str], lo: int, hi: int) -> list[Run] | None:
        """Decide a tie or a doubtful deletion when the sketch's shape does: a deletion that anchors both edges
        of the block and removes whole statements or definitions stands; otherwise the one place where the
        block's edges stand with nothing deleted between them."""
        if isinstance(doubt, DoubtfulDeletion) and holds_edges(doubt.chain, bnorm):
            alignment = chain_alignment(doubt.chain, bnorm, self.onorm)
            if all(
                plausible_deletion(self.outline, self.original, [block.lines[i] for i in added], rows)
                for added, rows in deleted_regions(self.original, alignment)
            ):
                return doubt.chain
        return edge_held_chain(bnorm, self.onorm, self.positions, lo, hi)

    def anchor_in_order(self, index: int, lo: int) -> Alignment | None:
        """Anchor block ``index``; if it fits several places, the later blocks bound it: blocks stand in the file
        in the sketch's order, so it must end before the latest place the rest of the sketch can start at (N equal
        blocks for N equal places go in order)."""
        block = self.items[index]
        assert isinstance(block, Block)
        try:
            return self.anchor(block, lo)
        except ApplyRefused as refusal:
            if refusal.kind != "ambiguous":
                raise
            hi = self._latest_start(index, lo)
            if hi is None:
                raise refusal from None
            return self.anchor(block, lo, hi)

    def _latest_start(self, index: int, lo: int) -> int | None:
        """The latest original line the blocks after ``index`` can start at, found from the last block backwards
        (each stands before the next one's latest place); None when no later block is anchored."""
        hi, bounded = len(self.original), False
        for later in reversed(self.items[index + 1 :]):
            if not isinstance(later, Block):
                continue
            try:
                alignment = self.anchor(later, lo, hi)
            except ApplyRefused as refusal:
                if refusal.kind == "ambiguous":
                    hi, bounded = min(hi, max(refusal.details["starts"])), True
                continue
            if alignment is not None:
                hi, bounded = alignment.start, True
        return hi if bounded else None

    # --- merging --------------------------------------------------------------------------------------------

    def merge(self) -> list[str]:
        out: list[str] = []
        cursor = 0  # next original line not yet emitted or dropped
        marker: Marker | None = None  # the marker just before the current block
        alignment: Alignment | None = None
        tail: list[str] = []  # the last block's lines after its last anchor
        for index, item in enumerate(self.items):
            if isinstance(item, Marker):
                marker = item
                continue
            first, last = index == 0, index == len(self.items) - 1
            alignment = self.anchor_in_order(index, cursor)
            if alignment is None:
                start = self._place_floating(item, marker, cursor, first=first, last=last)
                replaced = self._replaced_at_start(item) if first else 0
                out += self.original[cursor:start]
                out += [reindent(line, 0, self.tabs) if self.tabs else line for line in item.lines]
                cursor = start + replaced
            else:
                if first:  # no leading marker: the sketch starts where the file starts
                    head = item.lines[: min(alignment.pairs)]
                    self._check_edge(self.original[: alignment.start], head, item.first, "start")
                else:
                    out += self.original[cursor : alignment.start]
                next_item = self.items[index + 1] if not last else None
                end = self._structural_end(item, alignment, next_item)
                self._check_not_a_stray_copy(item, alignment, end)
                out += self._render(item, alignment)
                cursor = end + 1
                tail = item.lines[max(alignment.pairs) + 1 :]
            marker = None
        if marker is None:  # no trailing marker: the sketch ends where the file ends
            last_block = self.items[-1] if self.items else None
            line = last_block.first if isinstance(last_block, Block) else 1
            self._check_edge(self.original[cursor:], tail if alignment else [], line, "end")
        else:
            out += self.original[cursor:]
        return out

    def _check_not_a_stray_copy(self, block: Block, alignment: Alignment, end: int) -> None:
        """A block that would change nothing where it anchors, while its lines also stand elsewhere, was most
        likely meant for the other place (sketches show changes, not unchanged copies): refuse."""
        region = range(alignment.start, end + 1)
        unchanged = len(region) == len(block.lines) and all(
            alignment.pairs.get(i) == alignment.start + i and i not in alignment.fuzzy for i in range(len(block.lines))
        )
        if not unchanged:
            return
        for i, line in enumerate(block.lines):
            others = [p for p in self.positions.get(norm(line), ()) if p not in region]
            if distinctive(norm(line)) and others:
                raise self.refuse(
                    f"this block changes nothing at line {alignment.start + 1}, and '{line.strip()[:50]}' also "
                    f"stands at line {others[0] + 1}; include more unchanged lines around the change",
                    block.first + i,
                )

    def _check_edge(self, dropped: list[str], new: list[str], line: int, where: str) -> None:
        """Without a marker at its start (end), a sketch may drop at most a few non-blank lines there: deleting a
        file's first import or last lines is common, while a forgotten marker usually drops more. Deleting code
        at the edge and forgetting the marker look the same, and a wrong apply is worse than a refusal. Lines
        the block's new lines at that edge re-wrap (a statement joined onto one line) are replaced, not lost."""
        count = sum(1 for text in dropped if text.strip())
        if count > MAX_DROPPED_AT_EDGE and not rewrapped(dropped, new):
            raise self.refuse(
                f"the sketch has no marker at its {where} but would drop {count} lines at the {where} of the "
                f"file; add a '... existing code ...' marker there or show the lines",
                line,
            )

    def _replaced_at_start(self, block: Block) -> int:
        """How many of the file's first lines a first block with no equal line replaces: all of its lines when
        each is a close variant of the file's line at the same place (e.g. a renamed import), none when none is."""
        lines = [(i, line) for i, line in enumerate(block.lines) if line.strip()]
        close = [i < len(self.original) and similar(line, self.original[i], adjacent=True) for i, line in lines]
        if close and all(close):
            return len(block.lines)
        if any(close):
            raise self.refuse(
                "the sketch starts without a marker with lines that partly resemble the file's first lines: "
                "show one unchanged line after them, or start with a marker",
                block.first,
            )
        return 0

    def _place_floating(self, block: Block, marker: Marker | None, cursor: int, first: bool, last: bool) -> int:
        """Where a block with no matching line goes: file start, after the body a marker covers, or file end."""
        if first:
            return 0
        if marker is not None:
            covered = self.outline.body_end_after(cursor - 1, indent_width(marker.line)) if cursor else None
            if covered is not None and self._starts_definition(block):
                return max(covered + 1, cursor)
            if covered is None and last:
                return len(self.original)
        raise self.refuse(
            "no line of this block matches the original, so its place is unknown; include 1-2 unchanged lines "
            "next to the change",
            block.first,
        )

    def _starts_definition(self, block: Block) -> bool:
        """A new definition can follow the body a marker covers; other new lines there are ambiguous."""
        first = next((i for i, line in enumerate(block.lines) if line.strip()), None)
        return first is not None and Outline(self.path, block.lines).definition_end(first) is not None

    def _structural_end(self, block: Block, alignment: Alignment, next_item: Block | Marker | None) -> int:
        """Last original line the block replaces: its last anchor, or the end of a definition it shows whole.

        A definition whose header is anchored is shown whole when the sketch closes it: a later line of the block
        is outside it, its last line is a closing bracket, or the sketch ends with it. A marker at the header's
        depth right after an unclosed definition could mean "the rest of the body" or "nothing more": when the
        original body goes on, the two readings differ and the merge refuses.
        """
        end = alignment.end
        sketch = Outline(self.path, block.lines)
        for i, p in sorted(alignment.pairs.items()):
            original_end = self.outline.definition_end(p)
            sketch_end = sketch.definition_end(i, complete_only=True)
            if original_end is None or sketch_end is None or original_end <= end or i in alignment.fuzzy:
                continue
            if sketch_end == i:  # a bare header with the body elided is not a whole definition
                continue
            header = indent_width(block.lines[i])
            later = [line for line in block.lines[sketch_end + 1 :] if line.strip()]
            closed = (
                any(indent_width(line) <= header for line in later)
                or block.lines[sketch_end].strip() in _CLOSERS
                or next_item is None
            )
            if closed:
                end = original_end
            elif _continues(block.lines) or self._ends_otherwise(block.lines[sketch_end], original_end):
                continue  # it stops mid-statement, opening a body, or short of the end: the marker keeps the rest
            elif isinstance(next_item, Marker) and indent_width(next_item.line) <= header:
                raise self.refuse(
                    f"'{block.lines[i].strip()[:50]}' is shown up to sketch line {block.first + sketch_end} and then "
                    f"a marker at its own depth, but the original body goes on to line {original_end + 1}: indent "
                    "the marker into the body to keep the rest, or show the definition to its end",
                    next_item.number,
                )
        return self._closed_body_end(block, alignment, next_item, end)

    def _ends_otherwise(self, shown_last: str, original_end: int) -> bool:
        """In languages whose definitions end with ';' or '}', a definition shown whole ends as the original's does:
        one whose last shown line does not was cut short by the sketch, not by the edit."""
        if self.path.endswith((".py", ".pyi")):
            return False
        closer = self.original[original_end].rstrip()[-1:]
        return closer in (";", "}") and not shown_last.rstrip().endswith(closer)

    def _closed_body_end(self, block: Block, alignment: Alignment, next_item: Block | Marker | None, end: int) -> int:
        """A block ending in blank lines, followed by a marker outside the body around its last anchor (or by
        nothing), shows where that body ends: the body's remaining lines are deleted, and the blank lines are the
        ones after it."""
        last = max(alignment.pairs)
        trailing = block.lines[last + 1 :]
        if not trailing or any(line.strip() for line in trailing):
            return end
        around = self.outline.body_end_after(end, indent_width(block.lines[last]) + 1)
        if around is None or around <= end:
            return end
        header = next(d.header_indent for d in self.outline.definitions if d.end == around and d.start <= end)
        if isinstance(next_item, Block) or (isinstance(next_item, Marker) and indent_width(next_item.line) > header):
            return end
        blanks = 0
        while blanks < len(trailing) and around + 1 + blanks < len(self.original):
            if self.original[around + 1 + blanks].strip():
                break
            blanks += 1
        if blanks != len(trailing):
            return end
        for k in range(blanks):
            alignment.pairs[last + 1 + k] = around + 1 + k
        return around + blanks

    def _render(self, block: Block, alignment: Alignment) -> list[str]:
        """The block's lines: context keeps the original's text (unless re-indented on purpose), new lines adapt."""
        # The outermost anchored line tells how the sketch's indentation relates to the file's; lines that
        # differ from that on purpose (code wrapped in a new block) keep the sketch's relative indentation.
        delta = indent_delta(block.lines, self.original, alignment)
        out = []
        for i, line in enumerate(block.lines):
            p = alignment.pairs.get(i)
            if p is not None and i not in alignment.fuzzy:
                shifted = indent_width(self.original[p]) - indent_width(line)
                # Keep the original's text when only indentation or trailing spaces differ; a change of spacing
                # inside the line is the model's edit.
                same_inside = line.strip() == self.original[p].strip()
                keep = (shifted == delta and same_inside) or not line.strip()
                out.append(self.original[p] if keep else reindent(line, delta, self.tabs))
            else:
                out.append(reindent(line, delta, self.tabs) if delta or self.tabs else line)
        return out
