"""``apply_sketch``: detect the sketch's format, merge, check, and compute the edits."""

from __future__ import annotations

from typing import Literal

from polyedit.apply import search_replace
from polyedit.apply.checks import verify
from polyedit.apply.edits import minimal_edits
from polyedit.apply.lazy import LazyMerge
from polyedit.apply.llm_tier import LlmMerger
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
    llm: LlmMerger | None = None,
) -> Applied:
    """Merge ``sketch`` into ``original`` (the text of ``path``). Raises ``ApplyRefused`` when it cannot be sure.

    With ``llm``, a structural refusal goes to the local apply model, whose answer must pass the same checks; if
    it fails too, the structural refusal is raised with the model's failure added."""
    try:
        return _structural(path, original, sketch, fmt, encoding, max_removed_share)
    except ApplyRefused as refusal:
        if llm is None or refusal.kind == "format":
            raise
        try:
            return check_llm_merge(path, original, llm.merge(path, original, sketch), encoding)
        except ApplyRefused as second:
            refusal.reason += f"; the local apply model failed too: {second.reason}"
            raise refusal from second


def check_llm_merge(path: str, original: str, merged: str, encoding: Encoding = "utf-16") -> Applied:
    """An LLM's merged file, checked as a partial edit of ``original`` (``ApplyRefused`` when a check fails)."""
    return _finish(path, original, merged, "full", encoding, None, "llm", full_checks=False)


def _structural(
    path: str, original: str, sketch: str, fmt: FormatChoice, encoding: Encoding, max_removed_share: float | None
) -> Applied:
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
    if chosen == "full" and not before:
        style = detect(sketch)
    return _finish(path, original, join_lines(after, style), chosen, encoding, max_removed_share, "structural")


def _finish(
    path: str,
    original: str,
    merged: str,
    chosen: Format,
    encoding: Encoding,
    max_removed_share: float | None,
    tier: str,
    full_checks: bool = True,
) -> Applied:
    """Run the checks on a merged text and compute its edits. An LLM's answer is checked as a partial edit
    (removal share included), never as a full rewrite."""
    styles = comment_styles(path)
    before, after = split_lines(original), split_lines(merged)
    checks = verify(
        path,
        before,
        after,
        styles,
        full=chosen == "full" and full_checks,
        **({"max_removed_share": max_removed_share} if max_removed_share is not None else {}),
    )
    if tier == "llm":
        merged = join_lines(after, detect(original))  # the original's line endings and final newline
    return Applied(path, merged, minimal_edits(original, merged, encoding), ["anchors", *checks], chosen, tier)


def _strip_fences(lines: list[str]) -> list[str]:
    """Drop a Markdown code fence around the whole sketch (models add them)."""
    if len(lines) >= 2 and lines[0].lstrip().startswith("```") and lines[-1].strip() == "```":
        return lines[1:-1]
    return lines
