"""Names a merge leaves unbound: an import the result no longer has while its code still uses the name, or a
definition whose decorators a new definition took.

A lazy sketch that starts below the file's imports without a marker, or a marker standing for rows the writer
deleted, is read one way or the other; when the reading drops an import and keeps code that uses it, the two halves
of the reading disagree (jmespath's ``import sys`` gone, its ``if sys.version_info`` block kept), so the merge
refuses instead of guessing which half is right.
"""

from __future__ import annotations

import ast
import re
import threading
from collections import Counter
from itertools import pairwise

from polyedit.apply.markers import comment_styles, is_marker

# compile() to an AST is not thread-safe before Python 3.13 (CPython gh-106905: "SystemError: AST constructor
# recursion depth mismatch" when files are applied concurrently in worker threads), so one compile at a time.
_COMPILE_LOCK = threading.Lock()


def python_ast(lines: list[str]) -> ast.Module:
    """The module's AST; raises ``SyntaxError`` (or ``ValueError`` for a NUL byte) as ``compile`` does."""
    with _COMPILE_LOCK:
        tree = compile("\n".join(lines) + "\n", "<merged>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    assert isinstance(tree, ast.Module)
    return tree


def _parsed(lines: list[str]) -> ast.Module | None:
    try:
        return python_ast(lines)
    except (SyntaxError, ValueError):
        return None


def dropped_import(path: str, original: list[str], result: list[str]) -> tuple[str, int] | None:
    """The first name an import of the original binds that no import of the result binds while the result still
    reads it (and binds it nowhere else), with the 1-based row of that use; or None. Python only."""
    if not path.endswith((".py", ".pyi")):
        return None
    kept = set(result)
    if all(line in kept for line in original if line.lstrip().startswith(("import ", "from "))):
        return None  # every import line stands: nothing was dropped (the cheap, common case)
    before, after = _parsed(original), _parsed(result)
    if before is None or after is None:
        return None  # a syntax error is the syntax check's to report
    dropped = _imported(before) - _imported(after)
    if not dropped or _star_import(after):  # ``from m import *`` may bind any name
        return None
    unbound = dropped - _bound(after)
    uses = [
        (node.lineno, node.id)
        for node in ast.walk(after)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in unbound
    ]
    return (min(uses)[1], min(uses)[0]) if uses else None


def _imported(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names |= {alias.asname or alias.name.split(".")[0] for alias in node.names if alias.name != "*"}
    return names


def _star_import(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names) for node in ast.walk(tree)
    )


def _bound(tree: ast.Module) -> set[str]:
    """Names the module binds other than by an import: assignments, definitions, parameters, loop targets."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return names


_HEADERS = {
    ".py": re.compile(r"\s*(?:async\s+def|def|class)\s+\w+"),
    ".pyi": re.compile(r"\s*(?:async\s+def|def|class)\s+\w+"),
    ".rs": re.compile(
        r"\s*(?:pub(?:\([\w:\s]+\))?\s+)?(?:(?:async|const|unsafe)\s+)*(?:fn|struct|enum|impl|trait|mod)\b"
    ),
}
_DECORATOR = {".py": "@", ".pyi": "@", ".rs": "#["}
_COMMENT = {".py": "#", ".pyi": "#", ".rs": "//"}


def stolen_decorators(path: str, original: list[str], sketch: list[str], result: list[str]) -> str | None:
    """The header of the first decorated definition whose decorators (Python's ``@``, Rust's ``#[...]``) the
    result takes, some or all, for a new definition above it, while the sketch does not show that header bare
    (right after a line of its own: after a marker, the marker stands for the decorators); or None.

    A sketch that adds a decorated method right above a decorated one (``@testing.fixture`` / ``def new`` / a
    marker) reads two ways: the shown decorator is a new one (the expected reading) or the file's own, paired, so
    that the old method loses it. The second keeps more lines paired; the result says which reading won. A
    header standing in several places is followed by its rank (the second ``def build():`` of the file)."""
    suffix = next((s for s in _HEADERS if path.endswith(s)), None)
    if suffix is None:
        return None
    header, at, comment = _HEADERS[suffix], _DECORATOR[suffix], _COMMENT[suffix]
    styles = comment_styles(path)
    bare = {
        line.strip()
        for before, line in zip(["", *sketch], sketch, strict=False)
        if header.match(line) and not is_marker(before, styles)
    }
    known = Counter(original)
    places: dict[str, list[int]] = {}
    for row, line in enumerate(result):
        if header.match(line):
            places.setdefault(line, []).append(row)
    new = [row for row, line in enumerate(result) if header.match(line) and line not in known]
    if not new:
        return None  # no new definition: none can take another's decorators (the common case)
    rank: Counter[str] = Counter()
    for row, line in enumerate(original):
        if not header.match(line):
            continue
        rank[line] += 1
        rows = places.get(line, [])
        if len(rows) != known[line] or line.strip() in bare:
            continue
        lost = set(_decorators(original, row, at, comment)) - set(
            _decorators(result, rows[rank[line] - 1], at, comment)
        )
        if lost and any(lost & set(_decorators(result, other, at, comment)) for other in new):
            return line.strip()
    return None


def _decorators(lines: list[str], row: int, at: str, comment: str) -> list[str]:
    """The decorator lines above the definition at ``row``: their first lines, through comments between and a
    decorator's own continuation lines (deeper, or closing its brackets)."""
    found: list[str] = []
    depth = len(lines[row]) - len(lines[row].lstrip())
    pending = 0  # continuation lines seen since the last decorator line, kept only if a decorator opens them
    while row > 0:
        row -= 1
        text = lines[row].strip()
        if text.startswith(at):
            found.append(lines[row])
            pending = 0
        elif text.startswith(comment):
            continue
        elif text and (len(lines[row]) - len(lines[row].lstrip()) > depth or text[0] in ")]}"):
            pending += 1
            if pending > 20:
                break
        else:
            break
    return found


def detached_decorator(path: str, original: list[str], result: list[str]) -> int | None:
    """The 1-based row of the first Python decorator the result leaves standing above a blank line, where the
    original has fewer such rows (the definition it decorated deleted, its decorator kept above the next one's:
    legal Python, never what a sketch means); or None."""
    if not path.endswith((".py", ".pyi")):
        return None

    def detached(lines: list[str]) -> list[int]:
        return [
            row for row, (line, nxt) in enumerate(pairwise(lines)) if line.lstrip().startswith("@") and not nxt.strip()
        ]

    rows = detached(result)
    return rows[0] + 1 if len(rows) > len(detached(original)) else None


def decorator_problem(path: str, original: list[str], sketch: list[str], result: list[str]) -> str | None:
    """Why a merged result's decorators do not stand as the sketch means (``detached_decorator``,
    ``stolen_decorators``), or None."""
    detached = detached_decorator(path, original, result)
    if detached is not None:
        return (
            f"the decorator at line {detached} would stand above a blank line, its definition gone: the sketch "
            "deletes the definition or keeps it; show the lines around it"
        )
    stolen = stolen_decorators(path, original, sketch, result)
    if stolen is not None:
        return (
            f"the result would take the decorators of '{stolen}' for the sketch's new definition above it: "
            "show that definition's header below the new one, or mark where the file's lines go on"
        )
    return None
