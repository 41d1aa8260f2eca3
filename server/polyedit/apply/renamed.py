"""A whole definition shown under another name, next to a marker: renamed, or a new copy beside the original?
(And a header shown under another name, then a marker inside it: renamed, or a new definition shown in part? A
header paired over another definition's, or added as new, while its own original is deleted or stays?)

A block that shows a whole definition (its header to its last line) whose header pairs with an original
definition's header under another name (``func (dbg *debugger) FinishV2() {`` over ``... Finish() {``), the rest
of it pairing with that definition's lines, reads as a rename. But when only blank lines separate the shown
definition from a marker, the marker may as well keep the original definition and the block add the new one
beside it (a ``V2`` copy, an overload, a variant of a test): the sketch looks the same either way, since a copy
must be shown whole and a rename shown whole is the same text. A careful reader cannot tell a rename from a copy;
the merge refuses rather than delete the original or keep it at a guess. (With unchanged context on both sides of
the definition, or the same name, there is one reading: the definition is replaced; so there is when the block is
the definition alone, with no unchanged line beside it: it addresses that definition.)
"""

from __future__ import annotations

import re

from polyedit.apply.cost import Reading
from polyedit.apply.generators import Original
from polyedit.apply.sketch import Block
from polyedit.apply.structure import Definition
from polyedit.apply.text import indent_width, norm


def renamed_or_copied(orig: Original, block: Block, reading: Reading) -> tuple[str, list[int]] | None:
    """Why the reading's renamed definition may be a copy (the reason and the original definition's rows), or
    None."""
    if len(reading.pieces) != 1 or not reading.pairs or len(reading.pieces[0].lines) != len(block.lines):
        return None
    at = {p: i for i, p in reading.pairs}
    lines = block.lines
    for d in orig.outline.definitions:
        if d.start not in at or d.end not in at or d.start < reading.start or d.end >= reading.end:
            continue
        first, last = at[d.start], at[d.end]
        header, name = lines[first], _own_name(d.name)
        if norm(header) == orig.onorm[d.start] or not re.fullmatch(r"\w+", name):
            continue
        if re.search(rf"\b{re.escape(name)}\b", header):
            continue  # the same name: the definition is changed, not renamed (a second one would clash)
        body = [r for r in range(d.start, d.end + 1) if orig.lines[r].strip()]
        if any(r not in at for r in body) or last - first != d.end - d.start:
            continue  # not shown whole, line for line
        context = {i for i, _ in reading.pairs if lines[i].strip()}  # unchanged lines the block shows
        before_free = block.marker_before and not any(line.strip() for line in lines[:first])
        after_free = block.marker_after and not any(line.strip() for line in lines[last + 1 :])
        # The shape of an insertion: a marker on one side, unchanged context on the other (a block that is the
        # definition alone addresses that definition: a rename).
        if (before_free and any(i > last for i in context)) or (after_free and any(i < first for i in context)):
            reason = (
                f"this block shows '{header.strip()[:50]}' in place of '{orig.lines[d.start].strip()[:50]}' (line "
                f"{d.start + 1}) with only a marker beside it: it may rename that definition or add a copy next to "
                "it; show the unchanged line on the marker's side, or the old definition too if it stays"
            )
            return reason, [d.start, d.end]
    return None


def _own_name(name: tuple[str, ...]) -> str:
    """A definition's own name, the last of a property path (``hide`` of ``View.prototype.hide = function``)."""
    return name[-1].rsplit(".", 1)[-1] if name else ""


def renamed_header(orig: Original, block: Block, reading: Reading) -> tuple[str, list[int]] | None:
    """Why the reading renames a definition it shows only in part (its header under another name, then a marker
    inside it) — the reason and the definition's rows — or None.

    A block that ends with a header under a new name (``func TestActiveHelpWithCompsV2(t *testing.T) {``) and a few
    lines of its body, then a marker, pairs the header with the next original definition's (``func
    TestMultiActiveHelp(t *testing.T) {``): the marker would keep that definition's body under the new name. But the
    block may as well begin a new definition whose body the marker leaves out: nothing in the file says what it is.
    A careful reader cannot tell a renamed definition from a new one shown in part (after unchanged context: the
    shape of an insertion; a header shown alone addresses the definition); the merge refuses."""
    if not block.marker_after or not reading.pairs:
        return None
    at = {p: i for i, p in reading.pairs}
    for d in orig.outline.definitions:
        if d.start not in at or d.start < reading.start or d.end < reading.end:
            continue  # not a header the block pairs, or a definition the block shows to its end
        header, name = block.lines[at[d.start]], _own_name(d.name)
        if norm(header) == orig.onorm[d.start] or not re.fullmatch(r"\w+", name):
            continue
        if re.search(rf"\b{re.escape(name)}\b", header):
            continue  # the same name: its header changed
        if not any(block.lines[i].strip() for i, _ in reading.pairs if i < at[d.start]):
            continue  # the header alone, no unchanged context before it: it addresses that definition (a rename)
        reason = (
            f"this block shows '{header.strip()[:50]}' in place of '{orig.lines[d.start].strip()[:50]}' (line "
            f"{d.start + 1}), then a marker inside it: it may rename that definition or begin a new one whose body "
            "it leaves out; show the new definition whole, or the old header too if it stays"
        )
        return reason, [d.start, d.end]
    return None


def renamed_over(orig: Original, block: Block, reading: Reading, removed: set[int]) -> tuple[str, list[int]] | None:
    """Why the reading pairs a header the block shows with another definition's header while the original
    definition of the shown header is deleted (the reason and the two headers' rows), or None.

    A block that shows ``def get_top(...)`` after ``get_row`` (moved there, and changed) may pair it, approximately,
    with the ``def get_bottom(...)`` that follows, its docstring lines being common: the merge would then turn
    ``get_bottom`` into ``get_top`` and delete the original ``get_top``. A careful reader takes the header that
    stands in the file as that definition, not as a rename of another one; when the lines place it over another
    definition, the merge refuses."""
    starts = {d.start for d in orig.outline.definitions}
    for i, p in reading.pairs:
        shown = norm(block.lines[i])
        if p not in starts or shown == orig.onorm[p]:
            continue
        elsewhere = [q for q in orig.positions.get(shown, ()) if q != p and q in starts and q in removed]
        if elsewhere:
            reason = (
                f"this block's '{block.lines[i].strip()[:50]}' is read as replacing '{orig.lines[p].strip()[:50]}' "
                f"(line {p + 1}), while it stands at line {elsewhere[0] + 1}, which would be deleted: the block may "
                "move and change that definition; show the unchanged lines around its new place"
            )
            return reason, sorted([p, elsewhere[0]])
    return None


def _names_its_definition(orig: Original, row: int) -> bool:
    """Whether the row is the header of a definition with a body, naming it."""
    return any(
        d.start == row and d.end > d.start and d.name and re.search(rf"\b{re.escape(d.name[-1])}\b", orig.lines[row])
        for d in orig.outline.definitions
    )


def doubled_header(orig: Original, block: Block, reading: Reading, removed: set[int]) -> tuple[str, list[int]] | None:
    """Why the reading adds, as a new line, the header of an original definition that stays in the file (the reason
    and the two places), or None.

    A block that shows ``def get_row(...)`` somewhere else than where it stands, its body changed (so not a move of
    it unchanged, ``moves.py``), reads it as new lines while the marker keeps the original: two definitions of one
    name. A careful reader takes it for that definition moved or changed, never for a second copy with the very same
    header; the merge cannot tell which, so it refuses."""
    paired = {i for i, _ in reading.pairs}
    for i, line in enumerate(block.lines):
        shown = norm(line)
        rows = orig.positions.get(shown, ())
        if i in paired or len(rows) != 1 or rows[0] in removed or not _names_its_definition(orig, rows[0]):
            continue
        if any(p.start <= rows[0] < p.end for p in reading.pieces):
            continue  # within the rows the reading replaces: rendered once
        names = {d.name for d in orig.outline.definitions if d.start == rows[0]}
        parents = [d for d in orig.outline.definitions if d.start < rows[0] <= d.end and d.name not in names]
        if parents and _in_other_class(orig, block, i, reading, names, parents):
            continue  # added to another class (``flush`` added to one class while another's stays)
        reason = (
            f"this block adds '{line.strip()[:50]}' as a new line while that definition stays at line {rows[0] + 1}: "
            "it may move or change that definition, not add a second one; show the unchanged lines around it"
        )
        return reason, sorted([reading.start, rows[0]])
    return None


_CLASS = re.compile(r"\s*(?:export\s+|pub\s+|abstract\s+)*(?:class|struct|impl|interface|trait|enum|object)\b")


def _in_other_class(
    orig: Original, block: Block, i: int, reading: Reading, names: set[tuple[str, ...]], parents: list[Definition]
) -> bool:
    """Whether block line ``i``, a header, is shown inside a class other than the ``parents`` of the original
    definition with that header line: the block shows it under another class's header with another signature (a
    new class's ``def __exit__(`` and parameters of its own; the same signature may be the original moved there),
    or, shown without one, it lands (after the block's paired line before it) inside another existing definition."""
    depth = indent_width(block.lines[i])
    above = next((text for text in reversed(block.lines[:i]) if text.strip() and indent_width(text) < depth), None)
    if above is not None and _CLASS.match(above):
        other = not any(norm(above) in orig.onorm[p.start : p.start + 4] for p in parents)
        return other and _signature(block.lines, i) != _signature(orig.lines, orig.positions[norm(block.lines[i])][0])
    at = max((r + 1 for j, r in reading.pairs if j < i), default=reading.start)
    homes = [d for d in orig.outline.definitions if d.start < at <= d.end and d.name not in names]
    return bool(homes) and not any(d in parents for d in homes)


def _signature(lines: list[str], start: int) -> list[str]:
    """A header's lines from ``start`` to the one that opens its body (``:`` or ``{``), whitespace-insensitive."""
    end = next((r for r in range(start, min(len(lines), start + 12)) if lines[r].rstrip().endswith((":", "{"))), start)
    return [norm(line) for line in lines[start : end + 1]]
