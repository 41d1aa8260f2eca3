"""Only server/polyedit/lsp/ may import pygls or lsprotocol (rust-analyzer's rule)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "server" / "polyedit"


def test_only_the_lsp_package_imports_pygls_or_lsprotocol() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "lsp" in path.relative_to(PACKAGE).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("pygls", "lsprotocol")]
    assert offenders == []
    assert any(PACKAGE.rglob("*.py"))
