"""A block's weak end: blank or bracket lines before a marker, which cannot tell a deletion from an insertion.

A block that ends with blank or bracket lines before a marker, read as new lines after a line that had none,
while the same lines stand in the file right after a run of whole statements (no blank line between, up to
``MAX_WEAK_SKIP`` lines: an import list counts): the block may replace those statements (its weak lines being the
context after them) or insert before them. A careful reader cannot tell from a blank line or a lone brace, so the
merge refuses rather than silently keep (or drop) the statements.

A block that changes nothing where it stands (``const fail = ...`` and a blank line, then a marker) is shown for
a reason: when its weak end also stands right after the whole definitions that follow, the one reading that
changes something deletes them (a helper removed, the marker keeping the rest). A careful reader cannot tell that
from context shown for nothing; the merge refuses rather than keep them (``idle_weak_end``). The same holds at a
block's start after a marker (``weak_start``): a blank line read as new before ``assert!(...)`` while a blank line
stands just before the statement above it may delete that statement.

A docstring's closing triple quotes are such a weak end too: ``For AMPL source code.`` then the quotes, while the
file's docstring goes on with a blank line and ``.. versionadded:: 2.2`` before its own quotes. The rows between
are its text, paragraphs included (a blank line does not end the search), not whole statements.
"""

from __future__ import annotations

from polyedit.apply.generators import Original
from polyedit.apply.runs import distinctive
from polyedit.apply.sketch import Block
from polyedit.apply.text import norm

MAX_WEAK_SKIP = 60  # lines a block's weak end may have skipped (a run of statements, no blank line between)


def weak_head(block: Block) -> int:
    """How many blank or bracket lines the block starts with."""
    return next((i for i, line in enumerate(block.lines) if distinctive(norm(line))), len(block.lines))


def weak_tail(block: Block) -> int:
    """How many blank or bracket lines the block ends with."""
    lines = block.lines[::-1]
    return next((i for i, line in enumerate(lines) if distinctive(norm(line))), len(lines))


def weak_end(orig: Original, block: Block, end: int) -> tuple[str, list[int]] | None:
    """Why the block, whose reading ends before row ``end`` and which a marker follows, is doubtful (the reason
    and the two places), or None."""
    rows = len(orig.lines)
    weak = weak_tail(block)
    if not weak or weak == len(block.lines) or end <= 0 or end >= rows:
        return None
    tail = [norm(line) for line in block.lines[-weak:]]
    if not distinctive(orig.onorm[end - 1]) or orig.onorm[end - weak : end] == tail:
        return None  # the weak lines stand where the block ends (paired), or follow a weak line there anyway
    quoted = tail == ['"""'] or tail == ["'''"]  # a docstring's end: the rows skipped are its text, paragraphs too
    for skip in range(1, MAX_WEAK_SKIP + 1):
        at = end + skip
        if at + weak > rows or (not orig.onorm[at - 1] and not quoted):
            return None  # a blank line before a match: another paragraph, not lines the block replaced
        whole = quoted or orig.outline.root is None or orig.outline.whole_nodes(end, at - 1)
        if orig.onorm[at : at + weak] == tail and whole:
            reason = (
                f"this block ends with {weak} blank or bracket line(s) read as new after line {end}, but the same "
                f"lines stand after lines {end + 1}-{at}: it may replace those lines or insert before them; show "
                "the first unchanged distinctive line after the change"
            )
            return reason, [end, at]
    return None


def idle_weak_end(orig: Original, block: Block, end: int) -> tuple[str, list[int]] | None:
    """Why the block, whose reading changes nothing and ends before row ``end`` with its weak lines paired, a
    marker after it, may mean to delete the whole definitions (statements) that follow (reason, places), or None."""
    rows = len(orig.lines)
    weak = weak_tail(block)
    tail = [norm(line) for line in block.lines[-weak:]] if weak else []
    if not weak or weak == len(block.lines) or end >= rows or orig.onorm[end - weak : end] != tail:
        return None
    if not orig.onorm[end] or orig.outline.root is None:
        return None
    for at in range(end + 1, min(rows - weak, end + MAX_WEAK_SKIP) + 1):
        if orig.onorm[at : at + weak] == tail and orig.onorm[at - 1] and orig.outline.whole_nodes(end, at - 1):
            reason = (
                f"this block changes nothing, and its last {weak} blank or bracket line(s) also stand after lines "
                f"{end + 1}-{at}: it may mean to delete those lines; show the unchanged line after the change"
            )
            return reason, [end, at]
    return None


def weak_start(orig: Original, block: Block, start: int) -> tuple[str, list[int]] | None:
    """The mirror of ``weak_end``: the block, whose reading starts at row ``start`` after a marker, begins with
    blank or bracket lines read as new before a line that had none, while the same lines stand right before a run
    of whole statements ending at ``start``: it may delete those statements or insert the weak lines."""
    weak = weak_head(block)
    if not weak or weak == len(block.lines) or start <= 0 or start >= len(orig.lines):
        return None
    head = [norm(line) for line in block.lines[:weak]]
    if not distinctive(orig.onorm[start]) or orig.onorm[start - weak : start] == head:
        return None  # the weak lines stand where the block starts (paired), or follow a weak line there anyway
    for skip in range(1, MAX_WEAK_SKIP + 1):
        at = start - skip
        if at - weak < 0 or not orig.onorm[at]:
            return None  # a blank line before a match: another paragraph, not lines the block replaced
        if orig.onorm[at - weak : at] != head:
            continue
        if orig.outline.root is None or orig.outline.whole_nodes(at, start - 1):
            reason = (
                f"this block starts with {weak} blank or bracket line(s) read as new before line {start + 1}, but "
                f"the same lines stand before lines {at + 1}-{start}: it may replace those lines or insert after "
                "them; show the last unchanged distinctive line before the change"
            )
            return reason, [at, start]
    return None
