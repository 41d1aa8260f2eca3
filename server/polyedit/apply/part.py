"""A markerless sketch that cannot be the whole new file, read as the part of the file it shows.

A model that changes one CSS rule, one YAML job, one Ruby method or one Markdown row often sends just that, with no
marker around it. ``api`` merges it as if a marker stood before and after it (``bracketed``), then keeps the result
only if the part stood where it reads (``problem``): its first and last lines are lines of the file, paired there
and not added beside them; its lines moved by one shift (a part placed whole); it deletes no line (a fragment of
several definitions may have skipped the ones between); and beyond the lines it shows unchanged it rewrites no
block's opening line (``.alert-info`` then a new ``.alert-warning`` rule: added, not written over ``.alert-danger``
that follows). Blank lines it adds between two of the file's lines are a retyped fragment's spacing, not an edit
(``spacing``), unless they are its only change.
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher

from polyedit.apply.edits import line_opcodes
from polyedit.apply.file_edges import HEADER
from polyedit.apply.markers import comment_styles
from polyedit.apply.runs import distinctive
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
    paired = _paired(sketch, result)
    shifts = {indent_width(result[j]) - indent_width(sketch[i]) for i, j in paired if sketch[i].strip()}
    if len(shifts) > 1:
        return f"its lines would stand at {len(shifts)} different shifts from its indentation: where it goes is unclear"
    once = {key for key, n in Counter(norm(line) for line in original).items() if n == 1}
    anchors = [j for i, j in paired if distinctive(norm(sketch[i])) and norm(sketch[i]) in once]
    for _, a, b, c, d in line_opcodes(original, result):
        dropped = sum(1 for line in original[a:b] if line.strip())
        if dropped > sum(1 for line in result[c:d] if line.strip()):
            return f"it drops lines after line {a}: a part without markers may have skipped them, not deleted them"
        outside = not anchors or c > anchors[-1] or d <= anchors[0]
        opener = next((line for line in original[a:b] if _opens(line)), None)
        if outside and opener is not None:
            return f"it would rewrite '{opener.strip()[:40]}' beyond the lines it shows unchanged, not add beside it"
    return None


def spacing(original: list[str], result: list[str]) -> set[int]:
    """The result's rows holding blank lines the part adds between two of the file's lines, when it changes more
    than that (a part whose one change is a blank line keeps it)."""
    rows: set[int] = set()
    changed = False
    for tag, _, _, c, d in line_opcodes(original, result):
        if tag == "insert" and not any(line.strip() for line in result[c:d]):
            rows.update(range(c, d))
        else:
            changed = True
    return rows if changed else set()


def _opens(line: str) -> bool:
    """Whether a line opens a unit of the file: a block (``{``, ``:``, `` do``) or a definition's header."""
    text = line.rstrip()
    return bool(text.strip()) and (text.endswith(("{", ":", " do")) or bool(HEADER.match(text)))


def _paired(sketch: list[str], result: list[str]) -> list[tuple[int, int]]:
    """Sketch lines paired in order with the result's rows where they stand (whitespace aside)."""
    strip = [line.strip() for line in sketch]
    matcher = SequenceMatcher(None, strip, [line.strip() for line in result], autojunk=False)
    return [(i + k, j + k) for i, j, size in matcher.get_matching_blocks() for k in range(size)]
