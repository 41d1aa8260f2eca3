"""Moves: an original unit (a definition; without a grammar, a paragraph or a Markdown section) whose text stands
once in the original and that a block shows again, unchanged, as new lines has moved there, so the marker over its
old place does not keep it, nor the blank lines that separated it (a marker never re-inserts lines the sketch
placed)."""

from __future__ import annotations

import itertools
import re

from polyedit.apply.cost import Reading
from polyedit.apply.file_edges import bound_names
from polyedit.apply.generators import Original
from polyedit.apply.likeness import one_definition
from polyedit.apply.markers import is_comment
from polyedit.apply.runs import distinctive
from polyedit.apply.structure import Definition
from polyedit.apply.text import indent_width, norm

_HEADING = re.compile(r"#{1,6}(\s|$)")
# An import: Python, JS/TS (ES and CommonJS), Rust, C/C++, Java/Kotlin; a Go import spec (``"fmt"``, ``log "x/y"``)
# inside ``import (``.
_IMPORT = re.compile(
    r"(import\s|from\s+\S+\s+import\s|(pub\s+)?use\s|#include\s|(const|let|var)\s+\S.*=\s*require\(|"
    r'(\w+\s+)?"[^"\s]+"$)'
)
# An import that binds names: Python's ``from a import b``, an ES import ``... from 'a'``, ``require``, Rust's ``use``.
_BINDS = re.compile(r"(from\s+\S+\s+import\s|import\s.*\sfrom\s|(const|let|var)\s+\S.*=\s*require\(|(pub\s+)?use\s)")


def moved_rows(orig: Original, chosen: list[Reading], imports: bool = False) -> set[int]:
    """Rows of the original units the chosen readings show again as new lines (with the comment right above a unit
    when shown with it, and the blank lines that separated it), and with ``imports`` of the imports they show
    again in their scope (``moved_imports``)."""
    placed = _placed(chosen)
    return _moved_units(orig, chosen, placed) | (moved_imports(orig, chosen) if imports else set())


def _placed(chosen: list[Reading]) -> set[int]:
    return {row for r in chosen for piece in r.pieces for row in range(piece.start, piece.end)}


def moved_imports(orig: Original, chosen: list[Reading]) -> set[int]:
    """Rows of import lines, standing once in the file where a marker keeps them, that a block shows once as a new
    line in the same scope (the list re-sorted: ``import pytest`` moved below ``from app import Config``): two
    copies of an import in one scope are never meant. A copy in another scope (a local import in a function) is
    another import. Only the chosen readings' final file drops them: the readings are weighed (ties, rivals
    within the margin) on files that keep them, where the one keeping a second copy loses (``copies.py``)."""
    copies: dict[str, list[Scope | None]] = {}
    for reading in chosen:
        new = set(reading.new_lines)
        for piece in reading.pieces:
            lines = list(piece.lines)
            for i, line in enumerate(lines):
                text = norm(line)
                if text in new and _IMPORT.match(text):  # its scope as it stands in the file the piece goes in
                    copies.setdefault(text, []).append(import_scope([*orig.lines[: piece.start], *lines[: i + 1]]))
    moved: set[int] = set()
    placed = _placed(chosen) if copies else set()
    for text, scopes in copies.items():
        rows = orig.positions.get(text, [])
        if len(rows) != 1 or len(scopes) != 1 or rows[0] in placed or scopes[0] is None:
            continue
        home = import_scope(orig.lines[: rows[0] + 1])
        go_spec = text.endswith('"') and not text.startswith(("import", "#include"))
        if home is not None and same_scope(scopes[0], home) and (home == ("import (",) or not go_spec):
            moved.add(rows[0])
    return moved | _superseded(orig, copies, placed)


def _superseded(orig: Original, copies: dict[str, list[Scope | None]], placed: set[int]) -> set[int]:
    """Rows of import lines, where a marker keeps them, whose every name new import lines of the same scope bind
    (``import type { MapCreator, Store } from '../map/index.js'`` after the sketch imports each from its own
    module): the names would be bound twice, which no edit means (TypeScript and Rust reject it)."""
    bound: dict[Scope, set[str]] = {}
    for text, scopes in copies.items():
        if _BINDS.match(text):
            for scope in scopes:
                if scope is not None:
                    bound.setdefault(scope, set()).update(bound_names(text))
    rows = set()
    for row, text in enumerate(orig.onorm):
        if not bound or row in placed or text in copies or not _BINDS.match(text):
            continue
        names = bound_names(text)
        home = import_scope(orig.lines[: row + 1])
        if names and home is not None and names <= {n for s, b in bound.items() if same_scope(s, home) for n in b}:
            rows.add(row)
    # A group of them that stood alone between blank lines (or the file's start) takes its blank line along.
    for row in sorted(rows):
        if row - 1 not in rows and (row == 0 or not orig.onorm[row - 1]):
            end = row
            while end + 1 in rows:
                end += 1
            if end + 1 < len(orig.onorm) and not orig.onorm[end + 1]:
                rows.add(end + 1)
    return rows


def _moved_units(orig: Original, chosen: list[Reading], placed: set[int]) -> set[int]:
    added = [tuple(line for line in r.new_lines if line) for r in chosen if r.new_lines]
    if not any(added):
        return set()
    moved: set[int] = set()
    shown = {line for seq in added for line in seq}  # a unit shown anew has its first line among them
    for start, end in _units(orig):
        if start in placed or end in placed or start in moved:
            continue
        if next((line for line in orig.onorm[start : end + 1] if line), None) not in shown:
            continue
        body = tuple(line for line in orig.onorm[start : end + 1] if line)
        # one line moves when it is a whole definition (a transpiler's helper function on one line), not a
        # Markdown paragraph, and only within the scope it stands in: one-liners (a getter, a stub, ``let server;``)
        # are written again in other scopes far more often than longer units
        movable = len(body) >= 2 or (
            orig.outline.root is not None and distinctive(body[0]) and _same_home(orig, start, body[0], chosen)
        )
        if (
            movable
            and any(_contains(seq, body) for seq in added)
            and _once(orig, body)
            and _same_scope(orig, start, body, chosen)
        ):
            above = start  # the comment right above a moved definition moves with it when shown with it
            while above > 0 and (
                is_comment(orig.path, orig.lines[above - 1]) or orig.lines[above - 1].lstrip()[:2] == "#["
            ):
                above -= 1
            whole = tuple(line for line in orig.onorm[above : end + 1] if line)
            # Its first lines (``/**``, ``#[test]``, a doc comment's opening sentence that another doc comment
            # repeats) may be the ones the block pairs where the unit now goes: common lines; a comment line found
            # only here the block would show (``// TODO: remove once v2 ships.``). Some of the comment is shown.
            common, most = 0, max(1, len(whole) - len(body) - 1)
            while common < most and (not distinctive(whole[common]) or len(orig.positions.get(whole[common], ())) > 1):
                common += 1
            if above < start and any(_contains(seq, whole[cut:]) for seq in added for cut in range(common + 1)):
                start = above
            moved.update(range(start, end + 1))
            moved.update(_blank_run(orig.lines, start, end, placed))
    return moved


def _same_scope(orig: Original, start: int, body: tuple[str, ...], chosen: list[Reading]) -> bool:
    """Whether the shown copy stands where the unit may have moved: in its own scope or another the file has.
    Under a new scope's header (a new ``class Square:`` holding ``__init__`` as ``class Circle:`` has it) it is a
    copy, not the unit moved. The scope is the nearest line above, less indented; a copy shown with no such line
    in its block may be in any scope at the unit's own depth; in YAML, a copy at another depth is another key
    (a workflow's ``permissions:`` shown again in a job), and one under a new key is a copy as in code."""
    home = scope_line(orig.lines, start)
    for reading in chosen:
        for piece in reading.pieces:
            lines = list(piece.lines)
            rows = [i for i, line in enumerate(lines) if line.strip()]
            norms = [norm(lines[i]) for i in rows]
            for k in range(len(norms) - len(body) + 1):
                if tuple(norms[k : k + len(body)]) == body:
                    scope = scope_line(lines, rows[k])
                    # under another scope the file already has, the unit moved there (a method from one class to
                    # the next); under a new one (``class Square:``), it was copied; under one the block does not
                    # show, only at the unit's own depth
                    depth = indent_width(lines[rows[k]]) == indent_width(orig.lines[start])
                    if scope is None:
                        return depth
                    yaml = orig.path.endswith((".yaml", ".yml"))  # a YAML key means another thing at another depth
                    return (depth or not yaml) and (scope == home or bool(orig.positions.get(scope)))
    return True


def scope_line(lines: list[str], row: int) -> str | None:
    """The nearest non-blank line above ``row`` indented less than it, normalised ("" at the top level: the
    file's scope), or None when the lines above hold no such line (the block starts inside it)."""
    if indent_width(lines[row]) == 0:
        return ""
    above = _scope_row(lines, row)
    return None if above is None else norm(lines[above])


def _scope_row(lines: list[str], row: int) -> int | None:
    depth = indent_width(lines[row])
    return next((k for k in range(row - 1, -1, -1) if lines[k].strip() and indent_width(lines[k]) < depth), None)


Scope = tuple[str, ...]


def import_scope(lines: list[str]) -> Scope | None:
    """The scope the last of ``lines`` stands in: the lines above it, each indented less than the one before, up to
    column 0, normalised; ``("",)`` at the top level (the file's scope). A ``use`` in a ``#[cfg]`` block's ``{`` is
    in that function, not in every function with such a block; ``def run`` of one class is not another's. None when
    the lines above do not reach column 0."""
    row = len(lines) - 1
    if not indent_width(lines[row]):
        return ("",)
    chain: list[str] = []
    while indent_width(lines[row]):
        above = _scope_row(lines, row)
        if above is None:
            return None
        chain.append(norm(lines[above]))
        row = above
    return tuple(chain)


def same_scope(a: Scope, b: Scope) -> bool:
    """Two scopes are one when their chains are, one header of it maybe changed (``def load(self):`` and
    ``def load(self, path):``: one definition, its parameters edited; ``fn fill`` and ``fn fill_v2`` are two)."""
    if a == b:
        return True
    differ = [k for k in range(len(a)) if len(a) == len(b) and a[k] != b[k]]
    return len(differ) == 1 and one_definition(a[differ[0]], b[differ[0]])


def _same_home(orig: Original, start: int, line: str, chosen: list[Reading]) -> bool:
    """Whether the shown copy of a one-line unit stands under the very scope line the unit stands under."""
    home = scope_line(orig.lines, start)
    for reading in chosen:
        for piece in reading.pieces:
            lines = list(piece.lines)
            for i, shown in enumerate(lines):
                if norm(shown) == line:
                    return home is not None and scope_line(lines, i) == home
    return False


def _once(orig: Original, body: tuple[str, ...]) -> bool:
    """Whether the unit's text stands once in the original: a copy of text that stands twice (one error-building
    statement in two functions) is the shown copy of the other place, or new code, not this one moved."""
    seen = 0
    for row in orig.positions.get(body[0], ()):
        rest = (line for line in orig.onorm[row:] if line)
        if tuple(itertools.islice(rest, len(body))) == body:
            seen += 1
    return seen == 1


def _units(orig: Original) -> list[tuple[int, int]]:
    """The units that may move: definitions, but not those inside a function's code (a copy of the function
    shows them again, and they stay with it); without a grammar, Markdown sections and paragraphs."""
    if orig.outline.root is not None:
        return _outside_code(orig.outline.definitions)
    lines, units, start = orig.lines, [], None
    markdown = orig.path.endswith((".md", ".markdown"))
    headings, fenced = _headings(lines) if markdown else ([], set())
    for k, top in enumerate(headings):
        level = _level(lines[top])  # a section runs to the next heading of its level or above, subsections in it
        nxt = next((r for r in headings[k + 1 :] if _level(lines[r]) <= level), len(lines))
        end = nxt - 1
        while end > top and not lines[end].strip():
            end -= 1
        units.append((top, end))
    for row, line in enumerate([*lines, ""]):
        if line.strip() and start is None:
            start = row
        elif not line.strip() and start is not None:
            if start not in fenced:  # lines of a fenced example move with their section, not alone
                units.append((start, row - 1))
            start = None
    return units


def _headings(lines: list[str]) -> tuple[list[int], set[int]]:
    """Rows of Markdown ATX headings (``## Install``), not the ``#`` comments inside fenced code; and the rows
    inside fences."""
    rows, fenced, fence = [], set(), ""
    for row, line in enumerate(lines):
        mark = line.lstrip()[:3]
        if mark in ("```", "~~~"):
            fence = "" if fence == mark else (fence or mark)
        elif fence:
            fenced.add(row)
        elif _HEADING.match(line):
            rows.append(row)
    return rows, fenced


def _level(heading: str) -> int:
    return len(heading) - len(heading.lstrip("#"))


def _outside_code(defs: list[Definition]) -> list[tuple[int, int]]:
    """The definitions not nested in one that holds code (definitions nest as a tree: one sweep in file order)."""
    units: list[tuple[int, int]] = []
    stack: list[tuple[int, bool]] = []  # (end, whether it or one around it holds code) of the open definitions
    for d in sorted(defs, key=lambda d: (d.start, -d.end)):
        while stack and stack[-1][0] < d.start:
            stack.pop()
        in_code = bool(stack) and stack[-1][1]
        if not in_code:
            units.append((d.start, d.end))
        stack.append((d.end, in_code or d.holds_code))
    return units


def _blank_run(lines: list[str], start: int, end: int, placed: set[int]) -> range:
    """The blank lines before a removed unit (if none, or if a block placed them, the ones after it)."""
    above = start
    while above > 0 and not lines[above - 1].strip():
        above -= 1
    below = end + 1
    while below < len(lines) and not lines[below].strip():
        below += 1
    if above < start and not placed.intersection(range(above, start)):
        return range(above, start)
    return range(end + 1, below)


def _contains(seq: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return any(seq[i : i + n] == part for i in range(len(seq) - n + 1)) if n else False


def spacer(orig: Original, r: int, moved: set[int], out: list[str]) -> bool:
    """Whether a blank row a moved unit takes along stays: it is the one before a line that stays, which would
    otherwise stand right against the code before it (``impl`` after the ``}`` of a function the moved one stood
    against)."""
    lines = orig.lines
    after = r + 1 < len(lines) and lines[r + 1].strip() and r + 1 not in moved
    return bool(after and not lines[r].strip() and out and out[-1].strip() and not is_comment(orig.path, out[-1]))
