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


_DEF = re.compile(r"\s*(?:async\s+def|def|class)\s+\w+")


def stolen_decorators(path: str, original: list[str], sketch: list[str], result: list[str]) -> str | None:
    """The header of the first decorated definition (unique in both texts) that the result keeps without any of its
    decorators while they now stand above a new definition, and that the sketch does not show; or None. Python only.

    A sketch that adds a decorated method right above a decorated one (``@testing.fixture`` / ``def new`` / a
    marker) reads two ways: the shown decorator is a new one (the expected reading) or the file's own, paired, so
    that the old method loses it. The second keeps more lines paired; the result says which reading won."""
    if not path.endswith((".py", ".pyi")):
        return None
    shown = {line.strip() for line in sketch}
    before, after = Counter(original), Counter(result)
    rows = {line: row for row, line in enumerate(result) if after[line] == 1 and _DEF.match(line)}
    for row, line in enumerate(original):
        if line not in rows or before[line] != 1 or line.strip() in shown or not _DEF.match(line):
            continue
        had = set(_decorators(original, row))
        if not had or had & set(_decorators(result, rows[line])):
            continue
        taken = any(
            had & set(_decorators(result, other))
            for other, new in enumerate(result)
            if new not in before and _DEF.match(new)
        )
        if taken:
            return line.strip()
    return None


def _decorators(lines: list[str], row: int) -> list[str]:
    """The decorator lines right above the definition at ``row`` (a decorator's own continuation lines aside)."""
    found = []
    while row > 0 and lines[row - 1].lstrip().startswith("@"):
        row -= 1
        found.append(lines[row])
    return found
