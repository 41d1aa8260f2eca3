"""A docstring marker right after a definition's header stands for that definition's docstring, nothing more.

Models elide a docstring they keep as ``\"\"\"...\"\"\"`` (or ``\"\"\"... docstring unchanged ...\"\"\"``)
and then write the body they changed. Read as a general marker, it could also stand for the first lines of the
body, and the merge would keep the old body beside the new one. So before the merge, such a marker after a header
that stands once in the file, whose definition there opens with a docstring, is replaced by that docstring,
re-indented to the marker's column: the sketch then shows the definition whole. Elsewhere it stays a marker.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from polyedit.apply.markers import DOCSTRING_QUOTES, comment_styles, is_marker
from polyedit.apply.text import indent_width, norm, reindent

_PYTHON = (".py", ".pyi")


def restore_docstrings(path: str, original: list[str], sketch: list[str]) -> list[str]:
    """``sketch`` with each docstring marker that follows a header standing once in ``original`` replaced by the
    docstring of that definition (when it has one)."""
    if PurePosixPath(path).suffix not in _PYTHON:
        return sketch
    styles = comment_styles(path)
    restored = list(sketch)
    for i in reversed(range(1, len(sketch))):
        line = sketch[i]
        if not line.lstrip().startswith(DOCSTRING_QUOTES) or not is_marker(line, styles):
            continue
        header = next((sketch[j] for j in range(i - 1, -1, -1) if sketch[j].strip()), "")
        rows = [r for r, text in enumerate(original) if norm(text) == norm(header)] if header.endswith(":") else []
        doc = _docstring(original, rows[0]) if len(rows) == 1 else None
        if doc is not None:
            delta = indent_width(line) - indent_width(original[doc[0]])
            restored[i : i + 1] = [reindent(text, delta, False) for text in original[doc[0] : doc[1]]]
    return restored


def _docstring(original: list[str], header: int) -> tuple[int, int] | None:
    """The rows ``[start, end)`` of the docstring that opens the body after row ``header``, or None."""
    start = next((r for r in range(header + 1, len(original)) if original[r].strip()), None)
    if start is None or indent_width(original[start]) <= indent_width(original[header]):
        return None
    first = original[start].strip().lstrip("rRuU")
    quote = next((q for q in DOCSTRING_QUOTES if first.startswith(q)), None)
    if quote is None:
        return None
    if quote in first[len(quote) :]:
        return start, start + 1
    end = next((r for r in range(start + 1, len(original)) if quote in original[r]), None)
    return None if end is None else (start, end + 1)
