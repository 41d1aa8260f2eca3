"""A whole definition shown under another name, next to a marker: renamed, or a new copy beside the original?
(And a header shown under another name, then a marker inside it: renamed, or a new definition shown in part?)

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
from polyedit.apply.text import norm


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
        header, name = lines[first], d.name[-1] if d.name else ""
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
        header, name = block.lines[at[d.start]], d.name[-1] if d.name else ""
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
