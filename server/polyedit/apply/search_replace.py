"""Search/replace blocks: ``<<<<<<< SEARCH`` / ``=======`` / ``>>>>>>> REPLACE``, several per file, in order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from polyedit.apply.text import norm
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


def apply_all(path: str, original: list[str], blocks: list[Replacement]) -> list[str]:
    lines = list(original)
    written = [False] * len(lines)  # lines an earlier block's REPLACE text added (not the context it restated)
    done: list[Replacement] = []
    for block in blocks:
        if _already_applied(lines, block):
            continue
        at = _find(path, lines, block, written, undoing=_undoes(block, done))
        new = _adapt(lines[at : at + len(block.search)], block)
        old = lines[at : at + len(block.search)]
        lines[at : at + len(block.search)] = new
        written[at : at + len(block.search)] = _added(old, new, written[at : at + len(block.search)])
        done.append(block)
    return lines


def _added(old: list[str], new: list[str], written: list[bool]) -> list[bool]:
    """Which lines of a REPLACE text it added: not those standing in its SEARCH text (context restated), which keep
    their mark."""
    marks = [True] * len(new)
    for a, b, size in SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks():
        marks[b : b + size] = written[a : a + size]
    return marks


def _already_applied(lines: list[str], block: Replacement) -> bool:
    """The REPLACE text stands once in the file and covers every place the SEARCH text matches (idempotence)."""
    size = len(block.replace)
    if not size or block.replace == block.search:
        return False
    found = [i for i in range(len(lines) - size + 1) if lines[i : i + size] == block.replace]
    if len(found) != 1:
        return False
    n = len(block.search)
    searches = [i for i in range(len(lines) - n + 1) if lines[i : i + n] == block.search] if n else []
    return all(found[0] <= i and i + n <= found[0] + size for i in searches)


def _undoes(block: Replacement, done: list[Replacement]) -> bool:
    """Whether the block, applied where an earlier block wrote, would undo it: it deletes lines (an empty REPLACE),
    or turns an earlier block's REPLACE text back into its SEARCH text."""
    empty = not any(line.strip() for line in block.replace)
    return empty or any(b.replace == block.search and b.search == block.replace for b in done)


def _find(path: str, lines: list[str], block: Replacement, written: list[bool], undoing: bool = False) -> int:
    """Where the SEARCH lines are: exactly, then ignoring whitespace, then fuzzily; unique or refused. A SEARCH text
    quotes the file: a SEARCH text standing in several places, all of them but one added by earlier blocks'
    REPLACE texts (not restated as their context), is the one no block added when applied at the others it would
    undo an earlier block (``undoing``: it deletes lines, ``import datetime as dt`` moved: added after ``import
    collections`` by one block, deleted by the next; or it turns a REPLACE text back into its SEARCH text)."""
    size = len(block.search)
    if size == 0:
        if lines:
            raise ApplyRefused(path, "empty SEARCH section on a non-empty file", block.line, kind="anchor")
        return 0
    exact = [i for i in range(len(lines) - size + 1) if lines[i : i + size] == block.search]
    if not exact:
        wanted = [norm(line) for line in block.search]
        exact = [i for i in range(len(lines) - size + 1) if [norm(x) for x in lines[i : i + size]] == wanted]
    quoted = [i for i in exact if not any(written[i : i + size])]
    others = [i for i in exact if i not in quoted]
    if not undoing or not all(all(written[i : i + size]) for i in others):
        quoted = []  # only where it would undo an earlier block is the other place out
    if len(exact) == 1 or len(quoted) == 1:
        return exact[0] if len(exact) == 1 else quoted[0]
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


def _adapt(found: list[str], block: Replacement) -> list[str]:
    """Keep the file's indentation when the SEARCH text matched with a uniform indentation difference."""
    if found == block.search or not found:
        return block.replace
    pairs = [(f, s) for f, s in zip(found, block.search, strict=True) if s.strip()]
    shifts = {len(f) - len(f.lstrip()) - (len(s) - len(s.lstrip())) for f, s in pairs}
    if len(shifts) != 1:
        return block.replace
    shift = shifts.pop()
    if shift > 0:
        pad = found[0][: len(found[0]) - len(found[0].lstrip())][:shift] if pairs else " " * shift
        return [pad + line if line.strip() else line for line in block.replace]
    return [line[-shift:] if line[:-shift].strip() == "" else line.lstrip() for line in block.replace]
