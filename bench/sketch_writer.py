"""Write edit sketches the way large models write them, from an original file and its edited version.

Shapes: ``context`` (changed lines with 1-3 lines of context, markers of varied wording between),
``functions`` (each changed definition shown whole, markers between), ``search-replace`` (SEARCH/REPLACE blocks
with enough context to be unique). Used by the apply benchmark's case builder and by the property tests.
"""

from __future__ import annotations

import difflib
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import case_outline

PHRASES = [
    "... existing code ...",
    "...",
    "... rest of the code remains the same ...",
    "... unchanged ...",
    "(unchanged)",
    "... keep existing code ...",
    "... rest of file unchanged ...",
    "… existing code …",
]
STYLES = ("context", "functions", "search-replace")


def marker(path: str, indent: str, rng: random.Random) -> str:
    styles = case_outline.comment_styles(path)
    phrase = rng.choice(PHRASES)
    opener = styles[0] if styles[0] != "*" else "#"
    if opener == "/*":
        return f"{indent}/* {phrase} */"
    if opener == "<!--":
        return f"{indent}<!-- {phrase} -->"
    return f"{indent}{opener} {phrase}"


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _meaningful(line: str) -> bool:
    return len(line.strip()) >= 4


def hunks(old: list[str], new: list[str], context: int) -> list[tuple[int, int, int, int]]:
    """Changed regions widened by ``context`` lines and merged when they touch: (i1, i2, j1, j2) half-open.

    Like a model, the context on each side includes at least one meaningful line (not blank, not a lone brace)
    when the file has one within a few lines."""
    groups: list[list[int]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        a1, a2 = max(0, i1 - context), min(len(old), i2 + context)
        while a1 > 0 and i1 - a1 < context + 4 and not any(_meaningful(x) for x in old[a1:i1]):
            a1 -= 1
        while a2 < len(old) and a2 - i2 < context + 4 and not any(_meaningful(x) for x in old[i2:a2]):
            a2 += 1
        b1, b2 = j1 - (i1 - a1), j2 + (a2 - i2)
        if groups and a1 <= groups[-1][1]:
            groups[-1][1], groups[-1][3] = a2, b2
        else:
            groups.append([a1, a2, b1, b2])
    return [(g[0], g[1], g[2], g[3]) for g in groups]


def context_sketch(path: str, old: list[str], new: list[str], rng: random.Random) -> list[str]:
    out: list[str] = []
    groups = hunks(old, new, rng.randint(1, 3))
    for index, (i1, _i2, j1, j2) in enumerate(groups):
        if i1 > 0 and (index == 0 or i1 > groups[index - 1][1]):
            out.append(marker(path, _indent(new[j1]) if j1 < len(new) else "", rng))
        out += new[j1:j2]
    if groups and groups[-1][1] < len(old):
        last = new[groups[-1][3] - 1] if groups[-1][3] > 0 else ""
        out.append(marker(path, _indent(last), rng))
    return out


def function_sketch(path: str, old: list[str], new: list[str], rng: random.Random) -> list[str] | None:
    """Show each changed top-level definition whole; None when a change lies outside every definition."""
    found = case_outline.definitions(path, new)
    tops = [d for d in found if not any(o.start <= d.start and d.end <= o.end and o != d for o in found)]
    spans: list[tuple[int, int]] = []
    for _i1, _i2, j1, j2 in hunks(old, new, 0):
        if j2 > j1:  # every changed line must lie inside a shown definition
            hit = [d for d in tops if d.start <= j2 - 1 and j1 <= d.end]
            if not hit or any(not any(d.start <= j <= d.end for d in hit) for j in range(j1, j2)):
                return None
        else:  # a deletion must happen strictly inside a definition
            hit = [d for d in tops if d.start < j1 <= d.end]
            if not hit:
                return None
        start, end = min(d.start for d in hit), max(d.end for d in hit)
        if spans and start <= spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    out: list[str] = []
    for start, end in spans:
        if start > 0:
            out.append(marker(path, "", rng))
        out += new[start : end + 1]
    if spans and spans[-1][1] < len(new) - 1:
        out.append(marker(path, "", rng))
    return out


def search_replace_sketch(old: list[str], new: list[str], rng: random.Random) -> list[str]:
    out: list[str] = []
    for i1, i2, j1, j2 in hunks(old, new, rng.randint(1, 2)):
        while i2 - i1 < len(old) and _count(old, old[i1:i2]) > 1:
            i1, j1 = max(0, i1 - 1), max(0, j1 - 1) if i1 > 0 else j1
            if i1 == 0:
                i2, j2 = min(len(old), i2 + 1), min(len(new), j2 + 1)
        out += ["<<<<<<< SEARCH", *old[i1:i2], "=======", *new[j1:j2], ">>>>>>> REPLACE", ""]
    return out


def _count(lines: list[str], window: list[str]) -> int:
    n = len(window)
    return sum(1 for k in range(len(lines) - n + 1) if lines[k : k + n] == window) if n else 2


def write_sketch(path: str, old: str, new: str, style: str, rng: random.Random) -> str | None:
    old_lines, new_lines = old.splitlines(), new.splitlines()
    if style == "context":
        lines = context_sketch(path, old_lines, new_lines, rng)
    elif style == "functions":
        found = function_sketch(path, old_lines, new_lines, rng)
        if found is None:
            return None
        lines = found
    else:
        lines = search_replace_sketch(old_lines, new_lines, rng)
    return "\n".join(lines) + "\n"
