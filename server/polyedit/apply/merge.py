"""Merge a lazy sketch into the original: readings for every block, a dynamic programme over the blocks in sketch
order for the cheapest sequence, a refusal when a reading within the margin renders a different file.

Between two blocks stands a marker: the original rows between their readings stay, except a definition the
sketch has already placed elsewhere (a move: a marker never re-inserts lines the sketch placed). Before the first
block and after the last, without a marker there, the rows are deleted (at most ``MAX_DROPPED_AT_EDGE``
non-blank ones) unless the reading is addressed by a definition's name, which leaves the file around it alone; some
lines are never dropped that way, a package clause first (``file_edges.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from polyedit.apply.adopted import header_doubt
from polyedit.apply.blank_split import check_spacing
from polyedit.apply.copies import doubles, shown_once, single_copy
from polyedit.apply.cost import Cost, Reading, within_margin
from polyedit.apply.dead_code import unreachable
from polyedit.apply.definitions import definition_readings
from polyedit.apply.echo import doubled_line, echoed_edge, echoed_run, fragment_echo
from polyedit.apply.edge_guess import guessed_edge
from polyedit.apply.edge_held import edge_readings
from polyedit.apply.evidence import shown_deleted
from polyedit.apply.file_edges import (
    MAX_DROPPED_AT_EDGE,
    dropped_better,
    edge_cost,
    file_ends,
    head_kept,
    head_unused,
    tail_kept,
    tail_rival,
)
from polyedit.apply.generators import Original, chain_readings, closer_readings, scope_readings
from polyedit.apply.idle_tail import idle_doubt, idle_tail
from polyedit.apply.inner_marker import inside
from polyedit.apply.kept_beside import kept_before, kept_beside
from polyedit.apply.moves import moved_imports, moved_rows, spacer
from polyedit.apply.opened_scope import closing_readings
from polyedit.apply.rewrap import rewrap_readings
from polyedit.apply.runs import distinctive
from polyedit.apply.sketch import Block, Marker, opens_new_scope, segment
from polyedit.apply.text import indent_width, norm
from polyedit.apply.types import ApplyRefused
from polyedit.apply.variants import variant_readings
from polyedit.apply.weak_end import weak_end, weak_head, weak_start, weak_tail
from polyedit.apply.weak_settle import Doubt, moved_into, new_copies, redeclared, settle, vouched


@dataclass
class Merged:
    lines: list[str]
    removed: set[int]  # original rows not in the result
    allowed: set[int]  # rows a reading deleted on purpose (replaced, deleted between anchors, at an edge, moved)
    rules: list[str]
    shown: set[int] = field(default_factory=set)  # removed rows the sketch shows deleted (``shown_deleted``)


class LazyMerge:
    def __init__(self, path: str, original: list[str], sketch: list[str], styles: tuple[str, ...], tabs: bool):
        self.path = path
        self.orig = Original(path, original, tabs)
        self.items = segment(sketch, styles)
        self.blocks = [k for k, item in enumerate(self.items) if isinstance(item, Block)]
        self.static: dict[int, list[Reading]] = {}
        self.scoped: dict[tuple[int, int], list[Reading]] = {}
        self.inner: dict[tuple[int, int], list[Reading]] = {}  # a block's readings inside a definition (``inside``)
        self.tied: list[list[Reading]] = []  # other paths as good as the chosen one (``choose``)
        self.tail_rival: list[Reading] | None = None  # the path ending the file with the last block (``choose``)
        self.broken: set[tuple[str, ...]] = set()  # files a settled weak edge's rival renders (``weak_settle.py``)
        self.head_dropped = False  # the rows above a first block starting at a header are not kept (``head_kept``)

    def refuse(self, reason: str, line: int | None, kind: str = "anchor", **details: object) -> ApplyRefused:
        return ApplyRefused(self.path, reason, line, kind=kind, details=dict(details))

    # --- readings ---------------------------------------------------------------------------------------------

    def block_at(self, k: int) -> Block:
        """Item ``k``, which the caller knows is a block (a reading's, or one of ``self.blocks``)."""
        block = self.items[k]
        assert isinstance(block, Block)
        return block

    def marker_before(self, k: int) -> Marker | None:
        return self.items[k - 1] if k > 0 and isinstance(self.items[k - 1], Marker) else None  # type: ignore[return-value]

    def open_after(self, k: int) -> bool:
        return k + 1 < len(self.items)

    def readings(self, k: int, after: int) -> list[Reading]:
        """Every reading of block item ``k`` when the previous block's reading ends at row ``after``."""
        block = self.block_at(k)
        if k not in self.static:
            found = chain_readings(self.orig, k, block)
            found += edge_readings(self.orig, k, block)
            found += definition_readings(self.orig, k, block)
            found += closer_readings(self.orig, k, block)
            found += variant_readings(self.orig, k, block)
            found += rewrap_readings(self.orig, k, block)
            found += closing_readings(self, k, found)
            self.static[k] = found
        key = (k, after)
        if self.static[k] or self._known_lines(block):  # end-of-scope placements: blocks no line of which is found
            self.scoped[key] = []
        if key not in self.scoped:
            marker = self.marker_before(k)
            self.scoped[key] = scope_readings(
                self.orig,
                k,
                block,
                after,
                indent_width(marker.line) if marker else None,
                is_first=k == self.blocks[0],
                is_last=not self.open_after(k),
                opened=not self.open_after(k) and opens_new_scope(self.items[:k], self.orig.positions),
            )
        return [r for r in self.static[k] + self.scoped[key] if r.start >= after]

    def _known_lines(self, block: Block) -> list[str]:
        """The block's distinctive lines that stand in the original (too often to fix its place on their own): such
        a block is not new code whose place only its scope can tell."""
        return [line for line in block.lines if distinctive(norm(line)) and self.orig.positions.get(norm(line))]

    # --- the dynamic programme --------------------------------------------------------------------------------

    def choose(self) -> list[Reading]:
        if not self.blocks:
            raise self.refuse("the sketch holds only markers", None, "format")
        layer: dict[Reading, tuple[Cost, list[Reading]]] = {}
        for r in self.readings(self.blocks[0], 0):
            edge = edge_cost(self, self.blocks[0], r, at_start=True)
            if edge is not None:
                layer[r] = (r.cost + edge, [r])
        self._check_found(self.blocks[0], layer)
        for k in self.blocks[1:]:
            nxt: dict[Reading, tuple[Cost, list[Reading]]] = {}
            for prev, (total, path) in layer.items():
                for r in inside(self, prev, k, self.readings(k, prev.end)):
                    cand = (total + r.cost, [*path, r])
                    if r not in nxt or cand[0] < nxt[r][0]:
                        nxt[r] = cand
            self._check_found(k, nxt)
            layer = nxt
        finals, ends, dropping = file_ends(self, layer)
        if len(self.blocks) == 1 and self.marker_before(self.blocks[0]) is not None:
            tail = idle_tail(self.orig.lines, list(layer), lambda rs: self.render(rs).lines, [p for _, p in finals])
            if tail is not None:
                return [tail]  # the dropped tail is the sketch's only change (``idle_tail.py``)
        best = min(finals, key=lambda item: item[0]) if finals else None
        if best is None or dropped_better(self, best, dropping):
            block = self.block_at(self.blocks[-1])
            raise self.refuse(
                "the sketch has no marker at its end but would drop more than "
                f"{MAX_DROPPED_AT_EDGE} lines at the end of the file; add a '... existing code ...' marker there "
                "or show the lines",
                block.first,
            )
        best_total, best_path = best
        self.tail_rival = tail_rival(self, best_path, best_total, ends)
        # Other paths exactly as good: the margin below weighs one block's rivals with the others held, so a
        # sketch fitting two places block by block (two ``button.onclick = function`` handlers) is checked here.
        self.tied = [path for total, path in finals if total == best_total and path is not best_path]
        return best_path

    def _check_found(self, k: int, layer: dict[Reading, tuple[Cost, list[Reading]]]) -> None:
        if layer:
            return
        block = self.block_at(k)
        known = self._known_lines(block)
        if not self.static.get(k) and known:
            raise self.refuse(
                f"'{known[0].strip()[:50]}' stands in {len(self.orig.positions[norm(known[0])])} places and no other "
                "line of this block fixes its place: show an unchanged line that occurs once (e.g. the header of the "
                "enclosing definition) next to the change",
                block.first,
                "ambiguous",
            )
        if not self.static.get(k) and not any(v for (b, _), v in self.scoped.items() if b == k):
            raise self.refuse(
                "no line of this block matches the original, so its place is unknown: show the unchanged line "
                "before the new code (e.g. the line before a new method) and after it, or the whole enclosing "
                "definition with its header",
                block.first,
            )
        if k == self.blocks[0]:
            raise self.refuse(
                "the sketch has no marker at its start but would drop lines at the start of the file (more than "
                f"{MAX_DROPPED_AT_EDGE}, its package clause, or lines above the code it starts with other than "
                "unused imports); add a '... existing code ...' marker there or show the lines",
                block.first,
            )
        raise self.refuse(
            "this block's lines stand in the file only before the previous block's: blocks must follow the file's "
            "order; show the lines between or split the edit",
            block.first,
        )

    # --- refusing on disagreement, rendering --------------------------------------------------------------

    def merge(self) -> Merged:
        found = self.choose()
        if self.tied:  # a tie keeping a moved line twice loses (``copies.py``)
            found, self.tied = single_copy(found, self.tied, lambda path: doubles(self.render(path).lines, self.once))
        chosen = self._settle_weak(found)
        merged = self.render(chosen)
        head = chosen[0]
        if head_kept(self, head.block, head) and head_unused(self.orig, head.start, merged.lines):
            self.head_dropped = True  # nothing uses the rows above: read again as the file's first lines
            return self.merge()
        if self.tail_rival is not None and chosen == found:
            ended = self.render(self.tail_rival)
            if ended.lines != merged.lines and tuple(ended.lines) not in self.broken:
                last = chosen[-1]
                dropped = len(self.orig.lines) - self.tail_rival[-1].end
                raise self.refuse(
                    f"the sketch has no marker at its end: read by name, this block keeps the {dropped} "
                    f"line{'s' if dropped != 1 else ''} after line {last.end}; read by its lines, the file ends with "
                    "it; add a '... existing code ...' marker at the end to keep them, or show the file's last lines",
                    self.block_at(last.block).first,
                    "ambiguous",
                    places=[self.tail_rival[-1].end],
                )
        for path in self.tied if chosen == found else []:
            other = self.render(path)
            if other.lines != merged.lines and self._stands(other.lines, merged.lines):
                k = next(k for k, (a, b) in enumerate(zip(chosen, path, strict=True)) if a != b)
                raise self._ambiguous(chosen[k], path[k])
        if (dead := unreachable(self.orig, chosen, merged.removed)) is not None:
            raise self.refuse(dead[0], self.block_at(dead[2]).first, "ambiguous", places=dead[1])
        shown_rows = {row for r in chosen for p in r.pieces for row in range(p.start, p.end)}
        for position, best in enumerate(chosen):
            if best.doubt is not None:
                raise self.refuse(
                    best.doubt[0], self.block_at(best.block).first, "ambiguous", places=list(best.doubt[1])
                )
            block = self.block_at(best.block)
            if (doubt := idle_doubt(self.orig, block, best, self.open_after(best.block))) is not None:
                raise self.refuse(doubt[0], doubt[1], "ambiguous", places=doubt[2])
            if (copy := header_doubt(self.orig, block, best, merged.removed)) is not None:
                raise self.refuse(copy[0], block.first, "ambiguous", places=copy[1])
            held = (self.marker_before(best.block) is not None, self.open_after(best.block))
            for first in (True, False):
                if held[not first] and (echo := echoed_edge(self.orig, block, best, first)) is not None:
                    raise self.refuse(echo[0], block.first, "ambiguous", places=echo[1])
                if held[not first] and (guess := guessed_edge(self.orig, block, best, first)) is not None:
                    raise self.refuse(guess[0], block.first, "ambiguous", places=guess[1])
            if (
                echo := fragment_echo(self.orig, block, best, shown_rows)
                or doubled_line(self.orig, block, best)
                or (echoed_run(self.orig, block, best, self.once) if doubles(merged.lines, self.once) else None)
            ) is not None:
                raise self.refuse(echo[0], block.first, "ambiguous", places=echo[1])
            bound = chosen[position + 1].start if position + 1 < len(chosen) else len(self.orig.lines)
            since = chosen[position - 1].end if position else 0
            if (kept := kept_before(self.orig, block, best, since)) is not None or (
                self.open_after(best.block) and (kept := kept_beside(self.orig, block, best, bound)) is not None
            ):
                raise self.refuse(kept[0], block.first, "ambiguous", places=kept[1])
        check_spacing(self, chosen, merged.lines)
        for position, best in enumerate(chosen):
            before = chosen[position - 1].end if position else 0
            after = chosen[position + 1].start if position + 1 < len(chosen) else len(self.orig.lines)
            at_start, at_end = position == 0, position == len(chosen) - 1
            best_cost = self._with_edges(best, at_start, at_end)
            rivals = self.readings(best.block, before)
            for rival in inside(self, chosen[position - 1], best.block, rivals) if position else rivals:
                if rival is best or rival.end > after:
                    continue
                rival_cost = self._with_edges(rival, at_start, at_end)
                if rival_cost is None or best_cost is None or not within_margin(rival_cost, best_cost):
                    continue
                other = self.render([*chosen[:position], rival, *chosen[position + 1 :]])
                if other.lines != merged.lines and self._stands(other.lines, merged.lines):
                    raise self._ambiguous(best, rival)
        # moved imports are dropped from the settled file only (``moves.py``)
        final = self.render(chosen, imports=True) if moved_imports(self.orig, chosen) else merged
        final.shown = final.removed & {
            r
            for reading in chosen
            for r in shown_deleted(
                self.block_at(reading.block).lines, reading.pairs, self.orig.positions, self.orig.outline
            )
        }  # the final reading's only: the rivals rendered before never need it
        return final

    @cached_property
    def once(self) -> frozenset[str]:
        return shown_once(self.orig.onorm, [line for k in self.blocks for line in self.block_at(k).lines])

    def _stands(self, other: list[str], merged: list[str]) -> bool:
        """Whether another reading's file stands against the merge: not one a settled weak edge set aside, nor
        one keeping a second copy of a moved line while the merge does not (``copies.py``)."""
        return tuple(other) not in self.broken and (not doubles(other, self.once) or doubles(merged, self.once))

    def _settle_weak(self, chosen: list[Reading]) -> list[Reading]:
        """The chosen readings, with the doubtful weak ends (``weak_end.py``) settled when the syntax and the block
        say what they replace (``weak_settle.py``); a refusal when a doubt stands."""
        doubts: list[Doubt] = []
        new = new_copies(self.orig, [(reading, self.block_at(reading.block).lines) for reading in chosen])
        for position, best in enumerate(chosen):
            block = self.block_at(best.block)
            if self.open_after(best.block) and (doubt := weak_end(self.orig, block, best.end)) is not None:
                found = Doubt(position, *doubt, weak=weak_tail(block))
                skipped = range(found.places[0], found.places[1])
                edge = skipped.stop + found.weak
                if moved := moved_into(self.orig, chosen, position, skipped, edge, new) or redeclared(
                    self.orig, block, chosen, position, skipped, edge
                ):
                    self.broken.add(tuple(self.render(chosen).lines))  # the reading keeping a second copy
                    chosen = moved
                else:
                    doubts.append(found)
                    shown = {row for r in chosen if r is not best for p in r.pieces for row in range(p.start, p.end)}
                    if not vouched(self.orig.lines, block, best, found, shown):
                        raise self.refuse(found.reason, block.first, "ambiguous", places=found.places)
            if self.marker_before(best.block) and (doubt := weak_start(self.orig, block, best.start)) is not None:
                skipped, edge = range(*doubt[1]), doubt[1][0] - weak_head(block)
                if moved := moved_into(self.orig, chosen, position, skipped, edge, new):
                    self.broken.add(tuple(self.render(chosen).lines))
                    chosen = moved
                    continue
                raise self.refuse(doubt[0], block.first, "ambiguous", places=doubt[1])
        if not doubts:
            return chosen
        settled = settle(self.path, self.orig.lines, chosen, doubts, lambda readings: self.render(readings).lines)
        if settled is None:
            block = self.block_at(chosen[doubts[0].position].block)
            raise self.refuse(doubts[0].reason, block.first, "ambiguous", places=doubts[0].places)
        self.broken |= settled[1]
        return settled[0]

    def _with_edges(self, reading: Reading, at_start: bool, at_end: bool) -> Cost | None:
        """A reading's cost with what it drops at the file's start or end when no marker stands there (None:
        infeasible): a rival is compared as the dynamic programme compared it."""
        cost: Cost | None = reading.cost
        for edge, wanted in ((True, at_start), (False, at_end)):
            extra = edge_cost(self, reading.block, reading, edge) if wanted else Cost()
            cost = None if cost is None or extra is None else cost + extra
        return cost

    def _ambiguous(self, best: Reading, rival: Reading) -> ApplyRefused:
        block = self.block_at(best.block)
        text = next((line.strip() for line in block.lines if line.strip()), "")[:60]
        places = sorted({best.start, rival.start})
        where = " and ".join(str(p + 1) for p in places)
        if best.start == rival.start:
            why = f"it could replace lines {best.start + 1}-{best.end} or {rival.start + 1}-{rival.end}"
        else:
            why = "it fits both places equally well"
        return self.refuse(
            f"ambiguous anchor '{text}': the block fits the original at lines {where} ({why}); include more "
            "unchanged lines around the change, or show the whole definition with its header",
            block.first,
            "ambiguous",
            places=places,
        )

    def render(self, chosen: list[Reading], imports: bool = False) -> Merged:
        lines = self.orig.lines
        moved = moved_rows(self.orig, chosen, imports)
        out: list[str] = []
        removed: set[int] = set()
        allowed: set[int] = set(moved)
        cursor = 0
        for position, reading in enumerate(chosen):
            keep_gap = (
                position > 0
                or self.marker_before(reading.block) is not None
                or reading.anchored_by_name
                or head_kept(self, reading.block, reading)
            )
            for piece in reading.pieces:
                for r in range(cursor, piece.start):
                    if keep_gap and (r not in moved or spacer(self.orig, r, moved, out)):
                        out.append(lines[r])
                    else:
                        removed.add(r)
                        allowed.add(r)
                keep_gap = True
                out.extend(piece.lines)
                for r in range(piece.start, piece.end):
                    allowed.add(r)
                    if r not in reading.kept:
                        removed.add(r)
                cursor = max(cursor, piece.end)
        keep_tail = tail_kept(self, chosen[-1])
        blank_end = len(lines)  # the file's trailing blank lines, which no sketch shows, stay after its end
        while out and out[-1].strip() and blank_end > cursor and not lines[blank_end - 1].strip():
            blank_end -= 1
        for r in range(cursor, len(lines)):
            if (keep_tail or r >= blank_end) and (r not in moved or spacer(self.orig, r, moved, out)):
                out.append(lines[r])
            else:
                removed.add(r)
                allowed.add(r)
        return Merged(out, removed, allowed, [r.rule for r in chosen])
