"""A new header read as adopting the lines of an existing definition.

A block that adds a definition (``class StripTrailingSemicolonFilter:``, its methods, then the unchanged lines
after it) may be read so that its new header lands right above an original line of another definition, paired
with a line of the block at a deeper indentation (``def process(self, stmt):`` of the class before, standing in
several places), the lines between deleted or replaced: the new header then takes that code into its own scope,
without re-indenting it, and the original definition loses it. So it may after new lines of its own: a copy of
the file's last test appended after it, its tail paired with the old test's tail (the old test then ends early,
at a new closer, and the copy takes over the rest). A careful reader never reads a new header as
taking over code that stays where it was written, at the same depth, under another definition's header: the block
adds a definition beside it. When the chosen reading does so, the merge refuses rather than re-parent code.
"""

from __future__ import annotations

import re

from polyedit.apply.cost import Reading
from polyedit.apply.edge_guess import sibling_replaced
from polyedit.apply.generators import Original
from polyedit.apply.renamed import doubled_header, renamed_header, renamed_or_copied, renamed_over
from polyedit.apply.runs import distinctive
from polyedit.apply.sketch import Block
from polyedit.apply.text import indent_width, norm

_HEADER = re.compile(
    r"\s*(?:export\s+|pub(?:\([\w:\s]*\))?\s+|async\s+)*(?:class|def|func|fn|function|struct|impl|interface|trait)\b"
)  # ``pub(crate) fn`` too


def adopted_lines(orig: Original, block: Block, reading: Reading) -> tuple[str, list[int]] | None:
    """Why the reading's new header would take over lines of an original definition (the reason and the two
    places), or None."""
    pairs = dict(reading.pairs)
    solid = [i for i in sorted(pairs) if distinctive(norm(block.lines[i]))]
    if not solid:
        return None
    delta = indent_width(orig.lines[pairs[solid[0]]]) - indent_width(block.lines[solid[0]])
    for i, line in enumerate(block.lines):
        if i in pairs or not _HEADER.match(line):
            continue
        j = _first_paired_body_line(block.lines, pairs, i)
        if j is None:
            continue
        between = [k for k in range(i + 1, j) if block.lines[k].strip()]
        if between and norm(block.lines[j]) in {norm(text) for text in block.lines[:i]}:
            continue  # the block shows that line before the header too: a new definition after its twin
        row, depth = pairs[j], indent_width(line) + delta
        if indent_width(orig.lines[row]) != indent_width(block.lines[j]) + delta:
            continue  # re-indented: code wrapped in the new definition on purpose
        owner = min(
            (d for d in orig.outline.definitions if d.start < row <= d.end and d.header_indent <= depth),
            key=lambda d: d.end - d.start,
            default=None,
        )
        if owner is None or owner.header_indent != depth or owner.start >= reading.start:
            continue  # nested in an enclosing scope, or that definition's header is the one the block replaces
        reason = (
            f"this block adds '{line.strip()[:50]}' right above line {row + 1}, which belongs to "
            f"'{orig.lines[owner.start].strip()[:50]}' (line {owner.start + 1}): read so, the new definition takes "
            "that code over; show the new definition whole with the unchanged line after it"
        )
        return reason, [owner.start, row]
    return None


def header_doubt(orig: Original, block: Block, reading: Reading, removed: set[int]) -> tuple[str, list[int]] | None:
    """The first doubt about a definition header the reading renames, copies, doubles or re-parents under
    (``renamed.py`` and ``adopted_lines``): the reason and the places, or None."""
    return (
        renamed_or_copied(orig, block, reading)
        or renamed_header(orig, block, reading)
        or renamed_over(orig, block, reading, removed)
        or doubled_header(orig, block, reading, removed)
        or adopted_lines(orig, block, reading)
        or sibling_replaced(orig, block, reading, removed)
    )


def _first_paired_body_line(lines: list[str], pairs: dict[int, int], header: int) -> int | None:
    """The first line of the new definition's body (deeper than its header, before the block comes back to the
    header's depth) that the reading pairs with the original: the next one (``def process(self, stmt):``), or one
    after new lines (a copied test whose tail pairs with the old test's tail), or None."""
    for k in range(header + 1, len(lines)):
        if not lines[k].strip():
            continue
        if indent_width(lines[k]) <= indent_width(lines[header]):
            return None
        if k in pairs and distinctive(norm(lines[k])):
            return k
    return None
