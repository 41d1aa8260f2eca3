"""A sketch whose only change is whitespace: the merge keeps the file's indentation of every copied line (the
sketch's is noise), so such a sketch merges into the file unchanged. When nothing else changes, the whitespace is
the edit: a file re-indented by a formatter (nested ternaries one step deeper), a blank line's trailing spaces
removed, a docstring's text re-indented. Not Python code, whose indentation is its meaning: a line shown a step out
of its block there is a slip the merge refuses (``dead_code``), not an edit."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from polyedit.apply.cost import Reading
from polyedit.apply.generators import Original
from polyedit.apply.text import indent_width, reindent


def relaid(orig: Original, chosen: Sequence[Reading], blocks: Sequence[list[str]]) -> list[str] | None:
    """The file with the copied lines of ``chosen`` as the sketch lays them out, shifted like their block (most of
    its copied code lines' shift: a block pasted at another column is not re-indented whole; none in a block of a
    string's lines only, whose whitespace is its text), or None when that changes nothing. ``blocks``: each
    reading's block lines. Only for a merge that otherwise leaves the file unchanged (the rows are the file's
    own)."""
    lines = list(orig.lines)
    python = orig.path.endswith((".py", ".pyi"))  # its indentation is its code: a slip there is no edit
    for reading, block in zip(chosen, blocks, strict=True):
        code = [
            indent_width(orig.lines[p]) - indent_width(block[i])
            for i, p in reading.pairs
            if block[i].strip() == orig.lines[p].strip() != "" and orig.outline.string_opened(p) is None
        ]
        shift = Counter(code).most_common(1)[0][0] if code else 0
        for i, p in reading.pairs:
            if block[i].strip() != orig.lines[p].strip() or (python and orig.outline.string_opened(p) is None):
                continue
            line = reindent(block[i], shift, orig.tabs_at(p)) if block[i].strip() else block[i].rstrip()
            if block[i].strip() and indent_width(line) == indent_width(orig.lines[p]):
                line = orig.lines[p]  # the same depth, in the file's own tabs or spaces
            lines[p] = line
    return None if lines == orig.lines else lines
