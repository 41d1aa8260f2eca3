"""Search/replace blocks: ``<<<<<<< SEARCH`` / ``=======`` / ``>>>>>>> REPLACE``, several per file, in order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from polyedit.apply.text import indent_width, norm, reindent
from polyedit.apply.types import ApplyRefused

_START = re.compile(r"^\s*<{5,9} ?SEARCH\s*$")
_MID = re.compile(r"^\s*={5,9}\s*$")
_END = re.compile(r"^\s*>{5,9} ?REPLACE\s*$")
FUZZY_MIN = 95.0


@dataclass(frozen=True)
class Replacement:
    search: list[str]
    replace: list[str]
    line: int  # 1-based sketch line of the SEARCH marker


def is_search_replace(sketch: list[str]) -> bool:
    return any(_START.match(line) for line in sketch) and any(_END.match(line) for line in sketch)


def parse(path: str, sketch: list[str]) -> list[Replacement]:
    blocks: list[Replacement] = []
    state, search, replace, start = "out", [], [], 0  # type: ignore[var-annotated]
    for number, line in enumerate(sketch, start=1):
        if state == "out" and _START.match(line):
            state, search, replace, start = "search", [], [], number
        elif state == "search" and _MID.match(line):
            state = "replace"
        elif state == "replace" and _END.match(line):
            blocks.append(Replacement(search, replace, start))
            state = "out"
        elif state == "search":
            search.append(line)
        elif state == "replace":
            replace.append(line)
    if state != "out":
        raise ApplyRefused(path, "a SEARCH block is not closed by ======= and >>>>>>> REPLACE", start, kind="format")
    if not blocks:
        raise ApplyRefused(path, "no complete SEARCH/REPLACE block found", None, kind="format")
    return blocks


# Words of a line that stands for code it leaves out: "# rest unchanged", "// etc.", "(Sections 1-5 unchanged.)".
_ELISION_WORDS = re.compile(
    r"\b(unchanged|etc|same|as before|rest|remaining|omitted|brevity|elided|existing|other)\b", re.IGNORECASE
)
_COMMENT_START = ("#", "//", "/*", "*", "<!--", "--", ";", "(")


def may_elide(block: Replacement) -> bool:
    """Whether the REPLACE text adds a line that may stand for code it leaves out (a bare ``...`` or ``pass``, a
    comment or a parenthesis of prose, words such as "unchanged" or "etc."): then its deletions are not all quoted
    on purpose, and the removal share applies to it as to a lazy sketch."""
    searched = {norm(line) for line in block.search}
    for line in block.replace:
        text = line.strip()
        if not text or norm(line) in searched:
            continue
        if "..." in text or "\u2026" in text or text == "pass" or text.startswith(("pass ", "pass#")):
            return True
        if text.startswith(_COMMENT_START) or _ELISION_WORDS.search(text):
            return True
    return False


def apply_all(path: str, original: list[str], blocks: list[Replacement]) -> list[str]:
    lines = list(original)
    for block in blocks:
        if _already_applied(lines, block):
            continue
        at = _find(path, lines, block)
        lines[at : at + len(block.search)] = _adapt(path, lines[at : at + len(block.search)], block)
    return lines


def _already_applied(lines: list[str], block: Replacement) -> bool:
    """The REPLACE text stands once in the file and covers every place the SEARCH text matches (idempotence)."""
    size = len(block.replace)
    if not size or block.replace == block.search:
        return False
    found = [i for i in range(len(lines) - size + 1) if lines[i : i + size] == block.replace]
    if len(found) != 1:
        return False
    n = len(block.search)
    if not n:
        return True
    exact = [i for i in range(len(lines) - n + 1) if lines[i : i + n] == block.search]
    if not all(found[0] <= i and i + n <= found[0] + size for i in exact):
        return False
    # The lines the block removes (beyond blank ones) must be gone from around the REPLACE text: a misquoted SEARCH
    # whose other lines still stand there (``if x is None:``) was not applied yet.
    removed = {
        norm(line)
        for tag, i1, i2, _j1, _j2 in SequenceMatcher(None, block.search, block.replace, autojunk=False).get_opcodes()
        if tag in ("delete", "replace")
        for line in block.search[i1:i2]
        if line.strip()
    }
    inside = range(found[0], found[0] + size)
    near = range(max(0, found[0] - n), min(len(lines), found[0] + size + n))
    return not any(norm(lines[r]) in removed for r in near if r not in inside)


def _find(path: str, lines: list[str], block: Replacement) -> int:
    """Where the SEARCH lines are: exactly, then ignoring whitespace, then fuzzily; unique or refused."""
    size = len(block.search)
    if size == 0:
        if lines:
            raise ApplyRefused(path, "empty SEARCH section on a non-empty file", block.line, kind="anchor")
        return 0
    exact = [i for i in range(len(lines) - size + 1) if lines[i : i + size] == block.search]
    if not exact:
        wanted = [norm(line) for line in block.search]
        exact = [i for i in range(len(lines) - size + 1) if [norm(x) for x in lines[i : i + size]] == wanted]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        where = ", ".join(str(i + 1) for i in exact[:4])
        raise ApplyRefused(
            path,
            f"SEARCH text occurs {len(exact)} times (lines {where}); add lines to make it unique",
            block.line,
            kind="anchor",
        )
    joined = "\n".join(norm(line) for line in block.search)
    scored = [
        (fuzz.ratio(joined, "\n".join(norm(x) for x in lines[i : i + size])), i) for i in range(len(lines) - size + 1)
    ]
    good = [i for score, i in scored if score >= FUZZY_MIN]
    if len(good) == 1:
        return good[0]
    first = block.search[0].strip()[:60]
    reason = "several close matches" if good else "not found"
    raise ApplyRefused(path, f"SEARCH text starting '{first}' {reason} in the file", block.line, kind="anchor")


def _adapt(path: str, found: list[str], block: Replacement) -> list[str]:
    """The REPLACE lines as the file writes them, when the SEARCH text matched only loosely.

    A SEARCH line that is not the file's (the model misquoted ``timeout=10`` as ``timeout=30``) is the file's line
    again where the REPLACE keeps it, and a refusal where the REPLACE changes it: the model's copy would change a
    value nobody asked to change. Indentation: a uniform shift between the SEARCH text and the file is the file's
    (with tabs where the file has them); a shift that varies from line to line (continuation lines aside) is
    refused in Python, where it moves code into or out of a block."""
    if found == block.search or not found:
        return block.replace
    search, replace = block.search, list(block.replace)
    kept = {}  # SEARCH line -> the REPLACE line that keeps it
    for tag, i1, i2, j1, _j2 in SequenceMatcher(None, search, replace, autojunk=False).get_opcodes():
        if tag == "equal":
            kept.update({i1 + k: j1 + k for k in range(i2 - i1)})
    taken: set[int] = set()
    for i, (have, said) in enumerate(zip(found, search, strict=True)):
        if norm(have) == norm(said):
            continue
        if i not in kept:
            raise ApplyRefused(
                path,
                f"SEARCH line '{said.strip()[:40]}' is not the file's '{have.strip()[:40]}', and the REPLACE "
                "changes it: quote the file's lines exactly",
                block.line,
                kind="anchor",
            )
        replace[kept[i]] = have
        taken.add(kept[i])
    pairs = [
        (f, s)
        for k, (f, s) in enumerate(zip(found, search, strict=True))
        if s.strip() and norm(f) == norm(s) and not _continues(search, k)
    ]
    tabs = any(f.startswith("\t") for f, _ in pairs) and not any(s.startswith("\t") for _, s in pairs)
    if tabs:
        units = {indent_width(s) // f.count("\t", 0, len(f) - len(f.lstrip())) for f, s in pairs if f.startswith("\t")}
        if len(units) == 1 and (unit := units.pop()) > 0:
            shifts = {f.count("\t", 0, len(f) - len(f.lstrip())) - indent_width(s) // unit for f, s in pairs}
            if len(shifts) == 1:
                level = shifts.pop()
                return [
                    line
                    if k in taken or not line.strip()
                    else "\t" * max(0, indent_width(line) // unit + level) + line.lstrip()
                    for k, line in enumerate(replace)
                ]
    shifts = {indent_width(f) - indent_width(s) for f, s in pairs}
    if len(shifts) > 1:
        if path.endswith((".py", ".pyi")):
            raise ApplyRefused(
                path,
                "the SEARCH text matches the file only with another indentation on some lines: its REPLACE would "
                "move code into or out of a block; quote the file's lines with their indentation",
                block.line,
                kind="anchor",
            )
        return replace
    shift = shifts.pop() if shifts else 0
    if not shift:
        return replace
    file_tabs = any(f.startswith("\t") for f in found)
    return [line if k in taken else reindent(line, shift, file_tabs) for k, line in enumerate(replace)]


def _continues(lines: list[str], k: int) -> bool:
    """Whether line ``k`` continues the statement above it (its indentation is the writer's choice)."""
    above = next((line.rstrip() for line in reversed(lines[:k]) if line.strip()), "")
    return above.endswith(("(", "[", "{", ",", "\\", "+", "-", "*", "/", "and", "or", "=")) and bool(above)
