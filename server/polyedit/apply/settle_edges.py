"""The chosen readings taken back before rendering, where the block itself says what its edge means.

- A weak end (``weak_end.py``) is settled when the syntax and the block say what it replaces (``weak_settle.py``);
  a weak start only when reading it as new would change nothing but blank lines (``spacing_only.py``), or when its
  closer or blank lines stand right before the run of lines the block ends with (``framed.py``: the lines between
  are a copy under a new name, not the original renamed).
- A doubled line read as a new copy beside its twin is read as the two copies around a deletion when the copy is
  the block's only change (``doubled.py``), and so is a last line read as new after an exit at its depth while
  it stands a few rows on.
- New lines beside an old version of theirs that the marker keeps replace it when they restate it whole
  (``restated_kept.py``).

The readings given up render files the margin does not hold against the ones taken (``LazyMerge.broken``). A doubt
that stands is a refusal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from polyedit.apply.cost import Reading
from polyedit.apply.doubled import deleting_between, echo_deletion
from polyedit.apply.framed import framed
from polyedit.apply.restated_kept import replacing_kept
from polyedit.apply.spacing_only import deleting_start
from polyedit.apply.unbound import binds, deleted_rows, unbinds, used_names
from polyedit.apply.weak_end import weak_end, weak_start
from polyedit.apply.weak_settle import Doubt, doubt_of, settle, vouched

if TYPE_CHECKING:
    from polyedit.apply.merge import LazyMerge


_UNBINDS = "this block reads as deleting lines it does not show that bind a name the file still uses"


def _shown_deletion(original: list[str], chosen: list[Reading], best: Reading, rows: range) -> bool:
    """Whether a block changing nothing but blank lines (``best``) may show the deletion of ``rows``: when no other
    block changes anything, or when every row it deletes binds a name the file uses elsewhere (a declaration
    another block's edit leaves unused, which ``unbound.py`` then checks: ``var schemaAndHostRegExp`` once
    ``location`` no longer reads it); beside another block's edit, a block changing nothing is more likely context
    shown to place it (``print(data)``, ``log(data)``, an unused ``helper = make_helper()`` are kept)."""
    changes = (list(p.lines) != original[p.start : p.end] for r in chosen if r is not best for p in r.pieces)
    if not any(changes):
        return True
    used = used_names([line for row, line in enumerate(original) if row not in rows])
    return all(binds(original[row]) & used for row in rows if original[row].strip())


def settle_edges(merge: LazyMerge, chosen: list[Reading]) -> list[Reading]:
    """The chosen readings with the edges the blocks say settled (see the module's docstring); a refusal when a
    doubt about a weak edge stands."""
    orig = merge.orig
    doubts: list[Doubt] = []
    taken: dict[int, Reading] = {}  # readings of a deletion shown by its neighbours, by position
    for position, best in enumerate(chosen):
        block = merge.block_at(best.block)
        since = chosen[position - 1].end if position else 0
        bound = chosen[position + 1].start if position + 1 < len(chosen) else len(orig.lines)
        if (between := deleting_between(orig, block, best, since, bound)) is not None:
            taken[position] = best = between
        if merge.open_after(best.block) and (deleting := echo_deletion(orig, block, best, bound)) is not None:
            taken[position] = best = deleting
        if (widened := replacing_kept(orig, block, best, since, bound)) is not None:
            taken[position] = best = widened
        if merge.open_after(best.block) and (doubt := weak_end(orig, block, best.end)) is not None:
            spacing = _shown_deletion(orig.lines, chosen, best, range(*doubt[1][:2]))
            doubts.append(found := doubt_of(orig.lines, block, best, position, doubt, spacing))
            shown = {row for r in chosen if r is not best for p in r.pieces for row in range(p.start, p.end)}
            if not found.said and not vouched(orig.lines, block, best, found, shown):
                raise merge.refuse(found.reason, block.first, "ambiguous", places=found.places)
        if merge.marker_before(best.block) and (doubt := weak_start(orig, block, best.start)) is not None:
            spacing = _shown_deletion(orig.lines, chosen, best, range(doubt[1][0], best.start))
            deleting = deleting_start(orig.lines, best, doubt[1][0]) if spacing else None
            if (deleting := deleting or framed(orig, block, best, since)) is None:
                raise merge.refuse(doubt[0], block.first, "ambiguous", places=doubt[1])
            taken[position] = deleting
    given = chosen
    chosen = [taken.get(position, best) for position, best in enumerate(chosen)]
    if doubts:
        settled = settle(merge.path, orig.lines, chosen, doubts, lambda readings: merge.render(readings).lines)
        if settled is None:
            block = merge.block_at(chosen[doubts[0].position].block)
            raise merge.refuse(doubts[0].reason, block.first, "ambiguous", places=doubts[0].places)
        merge.broken |= settled[1]
        chosen = settled[0]
    result = merge.render(chosen).lines
    for before, after in zip(given, chosen, strict=True):
        if after is not before and unbinds(orig.lines, deleted_rows(after) - deleted_rows(before), result):
            block = merge.block_at(after.block)
            raise merge.refuse(_UNBINDS, block.first, "ambiguous", places=[after.start, after.end])
    for position in taken:  # the reading given up (the spacing change, the copy, ...) is no rival of the one taken
        merge.broken.add(tuple(merge.render([*chosen[:position], given[position], *chosen[position + 1 :]]).lines))
    return chosen
