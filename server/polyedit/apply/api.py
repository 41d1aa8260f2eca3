"""``apply_sketch``: detect the sketch's format, merge, check, and compute the edits."""

from __future__ import annotations

import re
from collections import Counter
from typing import Literal

from polyedit.apply import part, search_replace
from polyedit.apply.edits import line_opcodes, minimal_edits
from polyedit.apply.invariants import MAX_REMOVED_SHARE, lines_in_order, removed_share, verify
from polyedit.apply.llm_tier import LlmMerger
from polyedit.apply.markers import comment_styles, is_comment, is_marker, known_syntax
from polyedit.apply.merge import LazyMerge
from polyedit.apply.shown import addressed_span, shown_definitions
from polyedit.apply.sketch import unwrap
from polyedit.apply.structure import Definition, outline_of
from polyedit.apply.text import detect, join_lines, norm, split_lines
from polyedit.apply.types import Applied, ApplyRefused, Encoding, Format
from polyedit.apply.unbound import decorator_problem

FormatChoice = Literal["auto", "lazy", "search-replace", "full"]


_NAME = re.compile(r"[A-Za-z_]\w*")
_STRING = re.compile(r"""(["'`])(?:\\.|(?!\1).)*\1""")
_TRAILING_COMMENT = re.compile(r"\s(//|#).*$")
FRAGMENT_MAX_SHARE = 0.8  # a markerless sketch holding less of the file's lines than this may be a fragment


WHOLE_MAX_MISSING = 0.5  # a whole new file keeps at least half of the old one's lines (``_check_whole``)


def detect_format(sketch: str, path: str, original: str = "") -> Format:
    """search-replace, lazy (markers, or a fragment of whole definitions the file has), or full."""
    lines = split_lines(sketch)
    if search_replace.is_search_replace(lines):
        return "search-replace"
    styles = comment_styles(path)
    if any(is_marker(line, styles) for line in lines):
        return "lazy"
    return "lazy" if is_fragment(path, split_lines(original), unwrap(lines, path)) else "full"


def is_fragment(path: str, original: list[str], sketch: list[str]) -> bool:
    """A markerless sketch is a fragment, not a full rewrite, when it is made of whole definitions only and leaves
    out part of the file: much of its lines, or a top-level line outside every definition (an import)."""
    if not original or not sketch or shown_definitions(path, sketch) is None:
        return False
    shown = {norm(line) for line in sketch if line.strip()}
    kept = sum(1 for line in original if line.strip() and norm(line) in shown)
    total = sum(1 for line in original if line.strip())
    if kept < FRAGMENT_MAX_SHARE * total:
        return True
    definitions = outline_of(path, tuple(original)).definitions
    inside = {row for d in definitions for row in range(d.start, d.end + 1)}
    if any(
        line.strip() and row not in inside and norm(line) not in shown and not line.startswith((" ", "\t"))
        for row, line in enumerate(original)
    ):
        return True
    return bool(_left_out_but_used(path, definitions, sketch))


def _left_out_but_used(path: str, definitions: list[Definition], sketch: list[str]) -> set[str]:
    """Top-level definitions of the file that the sketch leaves out but still uses in its code (a type its
    function's signature names; not a word of a comment or a string): a whole new file would define them, so the
    sketch is a part of the file."""
    top = {d.name[0] for d in definitions if len(d.name) == 1}
    defined = {d.name[0] for d in outline_of(path, tuple(sketch)).definitions if len(d.name) == 1}
    code = [_STRING.sub("", line) for line in sketch if line.strip() and not is_comment(path, line)]
    used = {word for line in code for word in _NAME.findall(_TRAILING_COMMENT.sub("", line))}
    return (top - defined) & used


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
    return _finish(path, original, merged, "full", encoding, None, "llm")


def _structural(
    path: str, original: str, sketch: str, fmt: FormatChoice, encoding: Encoding, max_removed_share: float | None
) -> Applied:
    chosen: Format = detect_format(sketch, path, original) if fmt == "auto" else fmt
    style = detect(original, path)
    before = split_lines(original)
    sketch_lines = unwrap(split_lines(sketch), path)
    styles = comment_styles(path)
    quoted = True  # every line the edit removes is one the sketch shows (a full text; SEARCH texts, unless elided)
    shown = 0  # a lazy sketch's deletions it shows between two lines that stand once (``evidence.shown_deleted``)
    if chosen == "search-replace":
        blocks = search_replace.parse(path, sketch_lines)
        after = search_replace.apply_all(path, before, blocks)
        quoted = not any(search_replace.may_elide(block) for block in blocks)
    elif chosen == "lazy":
        if not before:
            raise ApplyRefused(path, "a lazy sketch needs an existing file; send the full content", None, "format")
        try:
            merged = LazyMerge(path, before, sketch_lines, styles, style.tabs).merge()
        except ApplyRefused as refused:
            if fmt != "auto":
                raise
            if any(is_marker(line, styles) for line in sketch_lines):
                return _as_definition(path, original, sketch_lines, refused, encoding, max_removed_share)
            return _as_part(path, original, sketch_lines, refused, encoding, max_removed_share)  # a fragment cut short
        after, shown = merged.lines, len(merged.shown)
        if after == before:
            # A model sends a sketch to change the file: one that merges into the file unchanged showed its change
            # in a way the merge cannot see (most often a deletion whose place only a marker covers).
            raise ApplyRefused(
                path,
                "the sketch, merged, leaves the file unchanged: every line it shows already stands there and its "
                "markers cover the rest, so the change it was meant to make is not visible",
                None,
                "unchanged",
            )
        lost = sorted(merged.removed - merged.allowed)
        if lost:
            raise ApplyRefused(path, f"the merge would lose line {lost[0] + 1}, which no reading deletes", None, "lost")
        decorators = decorator_problem(path, before, sketch_lines, after)
        if decorators is not None:
            raise ApplyRefused(path, decorators, None, "ambiguous")
        missing = lines_in_order(sketch_lines, after, styles)
        if missing is not None:
            raise ApplyRefused(
                path,
                "the sketch's lines do not all stand in the result in order (sketch line "
                f"{missing}); show the blocks in the file's order, with an unchanged line around each change",
                missing,
                "order",
            )
    else:
        after = _dedented(path, before, sketch_lines) if fmt == "auto" else sketch_lines
        if fmt == "auto" and before:
            try:
                _check_whole(path, before, after)
            except ApplyRefused as whole:
                return _as_part(path, original, sketch_lines, whole, encoding, max_removed_share)
    if chosen == "full" and not before:
        style = detect(sketch)
    return _finish(
        path,
        original,
        join_lines(after, style),
        chosen,
        encoding,
        max_removed_share,
        "structural",
        quoted=quoted,
        shown=shown,
    )


def _as_part(
    path: str,
    original: str,
    sketch: list[str],
    refusal: ApplyRefused,
    encoding: Encoding,
    max_removed_share: float | None,
) -> Applied:
    """A markerless sketch that cannot be the whole new file (``_check_whole``), or that the merge refused, merged
    as the part of the file it shows (``part.py``); when it does not stand where it reads, the first ``refusal``
    stands, with why."""
    before = split_lines(original)
    bracketed = part.bracketed(path, before, sketch)
    if bracketed is None:
        raise refusal
    try:
        applied = _structural(path, original, bracketed, "lazy", encoding, max_removed_share)
    except ApplyRefused as failed:
        refusal.reason += f"; read as a part of the file, it fails too: {failed.reason}"
        raise refusal from failed
    after = split_lines(applied.text)
    problem = part.problem(path, before, sketch, after)
    if problem is not None:
        refusal.reason += f"; read as a part of the file, {problem}"
        raise refusal
    spacing = part.spacing(before, after)
    if not spacing:
        return applied
    kept = [line for row, line in enumerate(after) if row not in spacing]
    return _finish(
        path, original, join_lines(kept, detect(original, path)), "lazy", encoding, max_removed_share, "structural"
    )


def _as_definition(
    path: str,
    original: str,
    sketch: list[str],
    refusal: ApplyRefused,
    encoding: Encoding,
    max_removed_share: float | None,
) -> Applied:
    """A sketch with markers inside one whole definition and none at its ends (a method whose docstring is
    a ``...`` docstring), which the merge refused for the file it would drop around it, merged as that definition
    only: between two markers, changing no row outside the definition the sketch names (``shown.addressed_span``);
    otherwise the first ``refusal`` stands."""
    before = split_lines(original)
    span = addressed_span(path, before, sketch)
    if span is None:
        raise refusal
    marker = part.marker_line(path)
    try:
        applied = _structural(path, original, "\n".join([marker, *sketch, marker]), "lazy", encoding, max_removed_share)
    except ApplyRefused as failed:
        refusal.reason += f"; read as the definition it shows, it fails too: {failed.reason}"
        raise refusal from failed
    after = split_lines(applied.text)
    outside = [
        op for op in line_opcodes(before, after) if op[0] != "equal" and (op[1] < span[0] or op[2] > span[1] + 1)
    ]
    if outside:
        refusal.reason += f"; read as the definition it shows, it would change line {outside[0][1] + 1}, outside it"
        raise refusal
    return applied


def _dedented(path: str, before: list[str], sketch: list[str]) -> list[str]:
    """A whole new file as the file's lines: a sketch indented whole (every line by the same whitespace or more, a
    model's answer pasted inside a list item) loses that indentation when a line standing at the file's column 0
    is among its lines so indented (right-aligned numbers, a centred banner, fixed-form Fortran keep theirs), in a
    file of a known kind (plain text's indentation is its text)."""
    shown = [line for line in sketch if line.strip()]
    if not shown or not known_syntax(path) or not any(line.strip() and not line[0].isspace() for line in before):
        return sketch
    prefix = shown[0][: len(shown[0]) - len(shown[0].lstrip())]
    for line in shown[1:]:
        while prefix and not line.startswith(prefix):
            prefix = prefix[:-1]
    if not prefix or not {line for line in before if line.strip() and not line[0].isspace()} & {
        line[len(prefix) :] for line in shown
    }:
        return sketch  # no line standing at the file's column 0 is shown indented: the indentation is the text's
    return [line[len(prefix) :] if line.strip() else line.strip() for line in sketch]


def _check_whole(path: str, before: list[str], after: list[str]) -> None:
    """A markerless sketch read as the whole new file (not a fragment of whole definitions) that is much shorter
    than the file must keep most of its lines somewhere: a model that rewrites a file sends most of it (reordered,
    changed in places, or a small file rewritten longer); one that sends one TOML table, one YAML job or a function
    with its imports meant that part only and forgot the markers."""
    names = {d.name[0] for d in outline_of(path, tuple(before)).definitions if len(d.name) == 1}
    names = {name for name in names if not name.startswith("<")}  # ``<function_definition>``: a node unnamed
    if names and names <= {d.name[0] for d in outline_of(path, tuple(after)).definitions}:
        return  # every top-level definition is there again: the file rewritten (a class made a dataclass)
    kept = Counter(norm(line) for line in after if line.strip())  # each new line keeps one old line
    lines = [norm(line) for line in before if line.strip()]
    missing = sum((Counter(lines) - kept).values()) / len(lines) if lines else 0.0
    if missing > WHOLE_MAX_MISSING and removed_share(before, after) > MAX_REMOVED_SHARE:
        raise ApplyRefused(
            path,
            f"the sketch has no markers, so it reads as the whole new file, but {missing:.0%} of the file's lines "
            "are not in it: if it shows only a part, mark what it leaves out with '... existing code ...' "
            "comments (from the command line, `polyedit apply --format full` applies it as the whole file)",
            None,
            "removal",
        )


def _finish(
    path: str,
    original: str,
    merged: str,
    chosen: Format,
    encoding: Encoding,
    max_removed_share: float | None,
    tier: str,
    quoted: bool = False,
    shown: int = 0,
) -> Applied:
    """Run the checks on a merged text and compute its edits. The removal share is checked where deletions are
    inferred: a lazy merge, and an LLM's answer (checked as a partial edit, never as a full rewrite)."""
    styles = comment_styles(path)
    before, after = split_lines(original), split_lines(merged)
    checks = verify(
        path,
        before,
        after,
        styles,
        deletions_shown=tier == "structural" and chosen in ("full", "search-replace") and quoted,
        shown_removed=shown,
        **({"max_removed_share": max_removed_share} if max_removed_share is not None else {}),
    )
    if tier == "llm":
        merged = join_lines(after, detect(original))  # the original's line endings and final newline
    return Applied(path, merged, minimal_edits(original, merged, encoding), ["anchors", *checks], chosen, tier)
