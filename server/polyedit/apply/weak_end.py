"""A block's weak end: blank or bracket lines before a marker, which cannot tell a deletion from an insertion.

A block that ends with blank or bracket lines before a marker, read as new lines after a line that had none,
while the same lines stand in the file right after a few whole statements: the block may replace those
statements (its weak lines being the context after them) or insert before them. A careful reader cannot tell
from a blank line or a lone brace, so the merge refuses rather than silently keep (or drop) the statements.
"""

from __future__ import annotations

from polyedit.apply.generators import Original
from polyedit.apply.runs import distinctive
from polyedit.apply.sketch import Block
from polyedit.apply.text import norm

MAX_WEAK_SKIP = 12  # lines a block's weak end may have skipped (a few statements; not a whole definition)


def weak_end(orig: Original, block: Block, end: int) -> tuple[str, list[int]] | None:
    """Why the block, whose reading ends before row ``end`` and which a marker follows, is doubtful (the reason
    and the two places), or None."""
    rows = len(orig.lines)
    weak = 0
    while weak < len(block.lines) and not distinctive(norm(block.lines[len(block.lines) - 1 - weak])):
        weak += 1
    if not weak or weak == len(block.lines) or end <= 0 or end >= rows:
        return None
    tail = [norm(line) for line in block.lines[-weak:]]
    if not distinctive(orig.onorm[end - 1]) or orig.onorm[end - weak : end] == tail:
        return None  # the weak lines stand where the block ends (paired), or follow a weak line there anyway
    for skip in range(1, MAX_WEAK_SKIP + 1):
        at = end + skip
        if at + weak > rows or not orig.onorm[at - 1]:
            return None  # a blank line before a match: another paragraph, not lines the block replaced
        if orig.onorm[at : at + weak] == tail and (orig.outline.root is None or orig.outline.whole_nodes(end, at - 1)):
            reason = (
                f"this block ends with {weak} blank or bracket line(s) read as new after line {end}, but the same "
                f"lines stand after lines {end + 1}-{at}: it may replace those lines or insert before them; show "
                "the first unchanged distinctive line after the change"
            )
            return reason, [end, at]
    return None
