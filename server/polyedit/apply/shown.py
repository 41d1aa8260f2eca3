"""The definitions a sketch block shows whole: each top-level definition, comments above it included, when every
non-blank line of the block belongs to one (a method shown alone at column 0 is parsed inside a class)."""

from __future__ import annotations

from pathlib import PurePosixPath

from polyedit.apply.markers import is_comment
from polyedit.apply.structure import Definition, named_outermost, outline_of
from polyedit.apply.text import indent_width

# A method shown alone at column 0 parses only inside its class: the wrapper to try, per extension.
_WRAPPERS = {
    ".js": ("class __Sketch__ {", "}"),
    ".jsx": ("class __Sketch__ {", "}"),
    ".mjs": ("class __Sketch__ {", "}"),
    ".ts": ("class __Sketch__ {", "}"),
    ".tsx": ("class __Sketch__ {", "}"),
    ".java": ("class __Sketch__ {", "}"),
    ".rs": ("impl __Sketch__ {", "}"),
}


def shown_definitions(path: str, lines: list[str]) -> list[tuple[int, int, tuple[str, ...]]] | None:
    """The block's top-level definitions as (first row, last row, name), comments above each included, when every
    non-blank line of the block belongs to one; None otherwise."""
    width = min((indent_width(line) for line in lines if line.strip()), default=0)
    body = [line[width:] if line[:width].strip() == "" else line.lstrip() for line in lines]
    found = _top_level(path, body, 0)
    if found is None and PurePosixPath(path).suffix.lower() in _WRAPPERS:
        head, tail = _WRAPPERS[PurePosixPath(path).suffix.lower()]
        wrapped = _top_level(path, [head, *body, tail], 1)
        found = [(s - 1, e - 1, n[1:]) for s, e, n in wrapped] if wrapped else None
        if found is not None and any(e >= len(lines) or not n for s, e, n in found):
            found = None
    return found


def _top_level(path: str, lines: list[str], depth: int) -> list[tuple[int, int, tuple[str, ...]]] | None:
    outline = outline_of(path, tuple(lines))
    if outline.root is None or outline.error_rows:
        return None
    defs = [d for d in outline.definitions if len(d.name) == depth + 1 and not d.name[-1].startswith("<")]
    tops: list[Definition] = []
    for d in sorted(defs, key=lambda d: (d.start, -d.end)):
        if not tops or d.start > tops[-1].end:
            tops.append(d)
    if not tops:
        return None
    covered: set[int] = set()
    spans = []
    for d in tops:
        start = d.start
        while start - 1 >= 0 and is_comment(path, lines[start - 1]) and start - 1 not in covered:
            start -= 1
        covered.update(range(start, d.end + 1))
        spans.append((start, d.end, d.name))
    inner = range(depth, len(lines) - depth)
    if any(lines[r].strip() and r not in covered for r in inner):
        return None
    return spans


def addressed_span(path: str, original: list[str], sketch: list[str]) -> tuple[int, int] | None:
    """The rows of the one original definition a sketch shows whole, markers inside it (a method with its
    docstring elided as ``\"\"\"...\"\"\"``, a class with ``// ...`` between two of its members), found by its
    qualified name: the sketch's one top-level definition names it, or ends the name of exactly one original
    definition (``user_data_dir`` for ``Unix.user_data_dir``); None otherwise."""
    shown = shown_definitions(path, sketch)
    if shown is None or len(shown) != 1:
        return None
    name = shown[0][2]
    found = named_outermost(outline_of(path, tuple(original)).definitions, name)
    if len(found) != 1:
        return None
    start = found[0].start
    while start - 1 >= 0 and (original[start - 1].lstrip().startswith("@") or is_comment(path, original[start - 1])):
        start -= 1  # its decorators and the comments above it
    return start, found[0].end
