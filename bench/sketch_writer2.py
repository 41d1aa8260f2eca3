"""A second, independent sketch writer for the diff-based apply sets, with other context choices than
``sketch_writer.py`` (which widens context until it holds a meaningful line and keeps every hunk apart).

Models are terse: they show one line around a change whatever that line is (a blank line, a lone ``}``), show a
deleted line's neighbours and nothing else, put several close changes in one block with the lines between, and
word their markers differently each time. Styles:

- ``tight``: each change with exactly one line of context on each side, whatever it is; widened only when the
  block could not be placed by a careful reader (no shown unchanged line is unique in the file, and the change is
  not a recognisable edit of unique old lines).
- ``merged``: changes closer than ``MERGE_GAP`` lines share one block, the unchanged lines between shown.
- ``search-replace-min``: SEARCH/REPLACE blocks holding only the changed lines when those are unique, else the
  smallest unique window.

The comment syntax comes from the file's extension here, not from the apply package (the writer must not share the
merge's view of a file).
"""

from __future__ import annotations

import difflib
import random
from pathlib import PurePosixPath

STYLES = ("tight", "merged", "search-replace-min")
MERGE_GAP = 6
MAX_WIDEN = 6
PHRASES = [
    "... existing code ...",
    "...",
    "... rest of the function unchanged ...",
    "... (no changes here) ...",
    "rest of the code unchanged",
    "… unchanged …",
    "... other code ...",
    "existing code",
    "... keep existing ...",
]
_HASH = {".py", ".pyi", ".rb", ".sh", ".yml", ".yaml", ".toml"}
_SLASH = {".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx", ".go", ".rs", ".java", ".c", ".h", ".cpp"}


def marker(path: str, indent: str, rng: random.Random) -> str:
    suffix = PurePosixPath(path).suffix.lower()
    phrase = rng.choice(PHRASES)
    if suffix in _HASH:
        return f"{indent}# {phrase}"
    if suffix in (".md", ".html"):
        return f"{indent}<!-- {phrase} -->"
    if suffix == ".css":
        return f"{indent}/* {phrase} */"
    if suffix in _SLASH and rng.random() < 0.15:
        return f"{indent}/* {phrase} */"
    return f"{indent}// {phrase}"


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _changes(old: list[str], new: list[str]) -> list[tuple[int, int, int, int]]:
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    return [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in ops if tag != "equal"]


def _unique(old: list[str], line: str) -> bool:
    return bool(line.strip()) and sum(1 for x in old if x == line) == 1


def _window_count(old: list[str], window: list[str]) -> int:
    n = len(window)
    return sum(1 for k in range(len(old) - n + 1) if old[k : k + n] == window) if n else 2


def _placeable(old: list[str], new: list[str], a1: int, a2: int, changes: list[tuple[int, int, int, int]]) -> bool:
    """Could a careful reader place this block? Some shown unchanged line is unique, or every change replaces a
    unique run of old lines with lines that clearly are its edit."""
    changed_old = {k for i1, i2, _, _ in changes for k in range(i1, i2)}
    if any(_unique(old, old[k]) for k in range(a1, a2) if k not in changed_old):
        return True
    for i1, i2, j1, j2 in changes:
        if i1 == i2 or j1 == j2 or _window_count(old, old[i1:i2]) != 1:
            return False
        ratio = difflib.SequenceMatcher(None, "\n".join(old[i1:i2]), "\n".join(new[j1:j2])).ratio()
        if ratio < 0.6:
            return False
    return True


def _blocks(
    old: list[str], new: list[str], gap: int
) -> list[tuple[int, int, int, int, list[tuple[int, int, int, int]]]]:
    """Changes grouped (those at most ``gap`` unchanged lines apart share a block), each with one line of context
    per side, widened while the block could not be placed. (a1, a2, b1, b2, changes), half-open."""
    groups: list[list[tuple[int, int, int, int]]] = []
    for change in _changes(old, new):
        if groups and change[0] - groups[-1][-1][1] <= gap:
            groups[-1].append(change)
        else:
            groups.append([change])
    out: list[tuple[int, int, int, int, list[tuple[int, int, int, int]]]] = []
    for group in groups:
        i1, j1 = group[0][0], group[0][2]
        i2, j2 = group[-1][1], group[-1][3]
        for width in range(1, MAX_WIDEN + 1):
            a1, a2 = max(0, i1 - width), min(len(old), i2 + width)
            if _placeable(old, new, a1, a2, group):
                break
        b1, b2 = j1 - (i1 - a1), j2 + (a2 - i2)
        if out and a1 <= out[-1][1]:  # widened into the previous block: one block
            p = out.pop()
            a1, b1, group = p[0], p[2], [*p[4], *group]
        out.append((a1, a2, b1, b2, group))
    return out


def lazy_sketch(path: str, old: list[str], new: list[str], gap: int, rng: random.Random) -> list[str]:
    """Blocks of new lines; a marker wherever old lines were left out (even blank ones: dropping them silently
    would mean deleting them)."""
    out: list[str] = []
    blocks = _blocks(old, new, gap)
    for index, (a1, _a2, b1, b2, _group) in enumerate(blocks):
        omitted = old[blocks[index - 1][1] if index else 0 : a1]
        if omitted:  # indented like the left-out line next to the block: the marker stands for that code
            near = next((x for x in reversed(omitted) if x.strip()), "")
            out.append(marker(path, _indent(near), rng))
        out += new[b1:b2]
    if blocks and blocks[-1][1] < len(old):
        near = next((x for x in old[blocks[-1][1] :] if x.strip()), "")
        out.append(marker(path, _indent(near), rng))
    return out


def search_replace_sketch(old: list[str], new: list[str]) -> list[str]:
    """Blocks of only the changed lines when those are unique in the file, else the smallest unique window;
    windows that touch are merged (a window holding a unique one is unique too)."""
    windows: list[list[int]] = []
    for i1, i2, j1, j2 in _changes(old, new):
        a1, a2, b1, b2 = i1, i2, j1, j2
        if a1 == a2:  # an insertion needs something to find
            if a1 > 0:
                a1, b1 = a1 - 1, b1 - 1
            else:
                a2, b2 = a2 + 1, b2 + 1
        # a block that starts or ends with a blank line reads as padding, not content: show the next line too
        if a2 < len(old) and (not "".join(new[b2 - 1 : b2]).strip() or not "".join(old[a2 - 1 : a2]).strip()):
            a2, b2 = a2 + 1, b2 + 1
        if a1 > 0 and (not "".join(new[b1 : b1 + 1]).strip() or not "".join(old[a1 : a1 + 1]).strip()):
            a1, b1 = a1 - 1, b1 - 1
        while _window_count(old, old[a1:a2]) > 1 and (a1 > 0 or a2 < len(old)):
            if a1 > 0:
                a1, b1 = a1 - 1, b1 - 1
            if a2 < len(old) and _window_count(old, old[a1:a2]) > 1:
                a2, b2 = a2 + 1, b2 + 1
        if windows and a1 <= windows[-1][1]:
            windows[-1][1], windows[-1][3] = a2, b2
        else:
            windows.append([a1, a2, b1, b2])
    out: list[str] = []
    for a1, a2, b1, b2 in windows:
        out += ["<<<<<<< SEARCH", *old[a1:a2], "=======", *new[b1:b2], ">>>>>>> REPLACE", ""]
    return out


def write_sketch(path: str, old: str, new: str, style: str, rng: random.Random) -> str | None:
    old_lines, new_lines = old.splitlines(), new.splitlines()
    if not _changes(old_lines, new_lines):
        return None
    blank_only = any(
        not any(x.strip() for x in (*old_lines[i1:i2], *new_lines[j1:j2]))
        for i1, i2, j1, j2 in _changes(old_lines, new_lines)
    )
    if blank_only and style != "search-replace-min":
        return None  # a lazy sketch cannot show a blank line added or removed next to a marker faithfully
    if style == "tight":
        lines = lazy_sketch(path, old_lines, new_lines, 0, rng)
    elif style == "merged":
        if len(_changes(old_lines, new_lines)) < 2:
            return None  # nothing to merge: the tight sketch already covers a single change
        lines = lazy_sketch(path, old_lines, new_lines, MERGE_GAP, rng)
    else:
        lines = search_replace_sketch(old_lines, new_lines)
    return "\n".join(lines) + "\n"
