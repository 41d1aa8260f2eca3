"""``apply_sketch``: detect the sketch's format, merge, check, and compute the edits."""

from __future__ import annotations

from typing import Literal

from polyedit.apply import search_replace
from polyedit.apply.checks import verify
from polyedit.apply.edits import minimal_edits
from polyedit.apply.lazy import LazyMerge
from polyedit.apply.markers import comment_styles, is_marker
from polyedit.apply.text import detect, join_lines, split_lines
from polyedit.apply.types import Applied, ApplyRefused, Encoding, Format

FormatChoice = Literal["auto", "lazy", "search-replace", "full"]


def detect_format(sketch: str, path: str) -> Format:
    lines = split_lines(sketch)
    if search_replace.is_search_replace(lines):
        return "search-replace"
    styles = comment_styles(path)
    return "lazy" if any(is_marker(line, styles) for line in lines) else "full"


def apply_sketch(
    path: str,
    original: str,
    sketch: str,
    fmt: FormatChoice = "auto",
    encoding: Encoding = "utf-16",
    max_removed_share: float | None = None,
) -> Applied:
    """Merge ``sketch`` into ``original`` (the text of ``path``). Raises ``ApplyRefused`` when it cannot be sure."""
    chosen: Format = detect_format(sketch, path) if fmt == "auto" else fmt
    style = detect(original)
    before = split_lines(original)
    sketch_lines = _strip_fences(split_lines(sketch))
    styles = comment_styles(path)
    if chosen == "search-replace":
        after = search_replace.apply_all(path, before, search_replace.parse(path, sketch_lines))
    elif chosen == "lazy":
        if not before:
            raise ApplyRefused(path, "a lazy sketch needs an existing file; send the full content", None, "format")
        after = LazyMerge(path, before, sketch_lines, styles, style.tabs).merge()
    else:
        after = sketch_lines
    checks = verify(
        path,
        before,
        after,
        styles,
        full=chosen == "full",
        **({"max_removed_share": max_removed_share} if max_removed_share is not None else {}),
    )
    if chosen == "full" and not before:
        style = detect(sketch)
    text = join_lines(after, style)
    return Applied(path, text, minimal_edits(original, text, encoding), ["anchors", *checks], chosen)


def _strip_fences(lines: list[str]) -> list[str]:
    """Drop a Markdown code fence around the whole sketch (models add them)."""
    if len(lines) >= 2 and lines[0].lstrip().startswith("```") and lines[-1].strip() == "```":
        return lines[1:-1]
    return lines
