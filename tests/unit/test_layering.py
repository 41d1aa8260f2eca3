"""Layering rules: only server/polyedit/lsp/ imports pygls or lsprotocol (rust-analyzer's rule), and only
server/polyedit/models/ imports a model SDK (anthropic, openai)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "server" / "polyedit"


def imports_outside(owner: str, roots: tuple[str, ...]) -> list[str]:
    """Imports of ``roots`` by modules outside the subpackage ``owner``."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if owner in path.relative_to(PACKAGE).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in roots]
    return offenders


def test_only_the_lsp_package_imports_pygls_or_lsprotocol() -> None:
    assert imports_outside("lsp", ("pygls", "lsprotocol")) == []
    assert imports_outside("nothing", ("pygls", "lsprotocol"))  # the check sees the lsp package's imports


def test_only_the_models_package_imports_the_model_sdks() -> None:
    assert imports_outside("models", ("anthropic", "openai")) == []
    assert {n.split(": ")[1].split(".")[0] for n in imports_outside("nothing", ("anthropic", "openai"))} == {
        "anthropic",
        "openai",
    }
