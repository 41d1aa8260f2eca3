"""A markerless sketch that cannot be the whole new file, read as the part of the file it shows.

A model that changes one CSS rule, one YAML job, one Ruby method or one Markdown row often sends just that, with no
marker around it. ``api`` merges it as if a marker stood before and after it (``bracketed``), then keeps the result
only if the part stood where it reads (``problem``): its first and last lines are lines of the file, paired there
and not added beside them; its lines moved by one shift (a part placed whole); and it drops no more than a few lines
anywhere (a fragment of several definitions skipped the ones between, it did not delete them). Blank lines it adds
between two of the file's lines are a retyped fragment's spacing, not an edit (``spacing``).
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher

from polyedit.apply.edits import line_opcodes
from polyedit.apply.file_edges import MAX_DROPPED_AT_EDGE
from polyedit.apply.markers import comment_styles
from polyedit.apply.text import indent_width, norm

_CLOSERS = {"/*": " */", "{/*": " */}", "<!--": " -->"}


def bracketed(path: str, original: list[str], sketch: list[str]) -> str | None:
    """The sketch between two markers of the file's comment syntax, or None when its first or last line does not
    stand in the file as it is (a changed line at a part's edge may replace the file's line there or stand beside
    it, and without a marker nothing says which)."""
    shown = [line for line in sketch if line.strip()]
    known = {norm(line) for line in original}
    if not shown or norm(shown[0]) not in known or norm(shown[-1]) not in known:
        return None
    style = comment_styles(path)[0]
    marker = f"{style} ... existing code ...{_CLOSERS.get(style, '')}"
    return "\n".join([marker, *sketch, marker])


def problem(original: list[str], sketch: list[str], result: list[str]) -> str | None:
    """Why the merged part does not stand where it reads, or None."""
    shown = [line for line in sketch if line.strip()]
    for edge in {norm(shown[0]), norm(shown[-1])}:
        count = Counter(norm(line) for line in sketch)[edge]
        if sum(norm(line) == edge for line in result) - sum(norm(line) == edge for line in original) >= count:
            return f"its edge '{edge[:40]}' would be a new line"
    shifts = _shifts(sketch, result)
    if len(shifts) > 1:
        return f"its lines would stand at {len(shifts)} different shifts from its indentation: where it goes is unclear"
    for _, a, b, c, d in line_opcodes(original, result):
        dropped = sum(1 for line in original[a:b] if line.strip())
        if dropped - sum(1 for line in result[c:d] if line.strip()) > MAX_DROPPED_AT_EDGE:
            return f"it drops {dropped} lines after line {a}, which a part without markers most likely skipped"
    return None


def spacing(original: list[str], result: list[str]) -> set[int]:
    """The result's rows holding blank lines the part adds between two of the file's lines."""
    rows: set[int] = set()
    for tag, _, _, c, d in line_opcodes(original, result):
        if tag == "insert" and not any(line.strip() for line in result[c:d]):
            rows.update(range(c, d))
    return rows


def _shifts(sketch: list[str], result: list[str]) -> set[int]:
    """The columns each non-blank sketch line moved by to where it stands in the result (its lines paired in
    order, whitespace aside): a part placed whole has one; a part whose lines the merge re-indented apart (a
    closer read as new, copied lines kept where the file has them) has several."""
    strip = [line.strip() for line in sketch]
    matcher = SequenceMatcher(None, strip, [line.strip() for line in result], autojunk=False)
    return {
        indent_width(result[j + k]) - indent_width(sketch[i + k])
        for i, j, size in matcher.get_matching_blocks()
        for k in range(size)
        if strip[i + k]
    }
