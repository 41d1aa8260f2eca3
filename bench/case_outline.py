"""The case builders' own view of a file: definitions, syntax errors and comment prefixes.

The apply benchmark's case sets must not move when the merge changes, so the builders do not import
``polyedit.apply``: this module is a frozen copy of what they need (the merge's outline as it was at 2dfcd45^,
when the held-out sets had 358 and 333 cases). Change it only on purpose, and re-baseline every set when you do.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from pathlib import PurePosixPath

import tree_sitter

_JS_DEFS = frozenset(
    {
        "function_declaration",
        "generator_function_declaration",
        "class_declaration",
        "method_definition",
        "lexical_declaration",
        "variable_declaration",
    }
)
_TS_DEFS = _JS_DEFS | {
    "interface_declaration",
    "type_alias_declaration",
    "enum_declaration",
    "abstract_class_declaration",
    "module",
    "internal_module",
}
_EXPORT = frozenset({"export_statement"})
_RUST_DEFS = frozenset(
    {"function_item", "impl_item", "struct_item", "enum_item", "trait_item", "mod_item", "macro_definition"}
)

# extension -> (grammar module, factory, definition node types, wrapper node types)
_GRAMMARS: dict[str, tuple[str, str, frozenset[str], frozenset[str]]] = {
    ".py": ("tree_sitter_python", "language", frozenset({"function_definition", "class_definition"}),
            frozenset({"decorated_definition"})),
    ".go": ("tree_sitter_go", "language",
            frozenset({"function_declaration", "method_declaration", "type_declaration"}), frozenset()),
    ".rs": ("tree_sitter_rust", "language", _RUST_DEFS, frozenset()),
    ".ts": ("tree_sitter_typescript", "language_typescript", _TS_DEFS, _EXPORT),
    ".tsx": ("tree_sitter_typescript", "language_tsx", _TS_DEFS, _EXPORT),
}  # fmt: skip
for _ext in (".js", ".mjs", ".cjs", ".jsx"):
    _GRAMMARS[_ext] = ("tree_sitter_javascript", "language", _JS_DEFS, _EXPORT)
for _ext in (".mts", ".cts"):
    _GRAMMARS[_ext] = _GRAMMARS[".ts"]

_HASH = ("#",)
_SLASH = ("//", "/*")
_COMMENTS: dict[str, tuple[str, ...]] = {".py": _HASH, ".go": _SLASH, ".rs": _SLASH}
for _ext in (".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts"):
    _COMMENTS[_ext] = ("//", "/*", "{/*")


def comment_styles(path: str) -> tuple[str, ...]:
    """Comment openers a marker may use in this file (the builders write code files only)."""
    return _COMMENTS.get(PurePosixPath(path).suffix.lower(), _HASH)


@dataclass(frozen=True)
class Definition:
    start: int  # 0-based rows, inclusive
    end: int
    header_indent: int
    complete: bool  # parsed without errors
    name: tuple[str, ...]  # qualified name, outermost first; two definitions differ when their names do


@cache
def _parser(module: str, factory: str) -> tree_sitter.Parser:
    language = getattr(importlib.import_module(module), factory)()
    return tree_sitter.Parser(tree_sitter.Language(language))


def _parse(path: str, text: str) -> tuple[tree_sitter.Node, frozenset[str], frozenset[str]] | None:
    grammar = _GRAMMARS.get(PurePosixPath(path).suffix.lower())
    if grammar is None:
        return None
    module, factory, definitions, wrappers = grammar
    root = _parser(module, factory).parse((text + "\n").encode("utf-8")).root_node
    return root, definitions, wrappers


def definitions(path: str, lines: list[str]) -> list[Definition]:
    """Every definition node (and named test call) in the file, outermost and inner alike, in a fixed order."""
    parsed = _parse(path, "\n".join(lines))
    if parsed is None:
        return []
    root, kinds, wrappers = parsed
    found: list[Definition] = []
    stack: list[tuple[tree_sitter.Node, tuple[str, ...]]] = [(root, ())]
    while stack:
        node, scope = stack.pop()
        name = (_name(node) or f"<{node.type}>") if node.type in kinds | wrappers else None
        if node.type == "expression_statement":
            name = _name(node)
        if name is not None:
            start, end = node.start_point.row, _last_row(node)
            line = lines[start] if start < len(lines) else ""
            indent = len(line) - len(line.lstrip())
            found.append(Definition(start, end, indent, not node.has_error, (*scope, name)))
            if node.type not in wrappers:  # a wrapper's inner definition carries the same name
                scope = (*scope, name)
        if node.has_error or node.child_count:
            stack.extend((child, scope) for child in node.children)
    return found


def syntax_errors(path: str, text: str) -> list[int]:
    """0-based rows of ERROR/MISSING nodes; empty for files without a grammar."""
    parsed = _parse(path, text)
    if parsed is None or not parsed[0].has_error:
        return []
    rows, stack = [], [parsed[0]]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            rows.append(node.start_point.row)
        if node.has_error:
            stack.extend(node.children)
    return rows


_TEST_CALLS = frozenset({"describe", "it", "test", "context", "suite"})


def _text(node: tree_sitter.Node | None) -> str:
    return node.text.decode("utf-8", "replace") if node is not None and node.text is not None else ""


def _name(node: tree_sitter.Node) -> str | None:
    """A definition's own name: ``load``, ``impl Foo``, ``describe('x')``; None when the node names nothing."""
    if node.type == "expression_statement":  # describe('x', () => ...) / it('y', ...) in test files
        call = node.named_children[0] if node.named_children else None
        if call is None or call.type != "call_expression":
            return None
        callee, args = call.child_by_field_name("function"), call.child_by_field_name("arguments")
        label = args.named_children[0] if args is not None and args.named_children else None
        if _text(callee) not in _TEST_CALLS or label is None or label.type not in ("string", "template_string"):
            return None
        return f"{_text(callee)}({_text(label)})"
    if node.type == "impl_item":
        trait, kind = node.child_by_field_name("trait"), node.child_by_field_name("type")
        return f"impl {_text(trait)} for {_text(kind)}" if trait is not None else f"impl {_text(kind)}"
    named = node.child_by_field_name("name")
    if named is not None:
        return _text(named)
    inner = node.child_by_field_name("declaration") or node.child_by_field_name("definition")
    if inner is None:
        for child in node.named_children:
            if child.type == "variable_declarator" or child.type.endswith(("declaration", "definition", "item")):
                inner = child
                break
    if inner is not None and inner is not node:
        return _name(inner)
    if node.type == "type_declaration":  # Go: type Foo struct {...}
        spec = next((c for c in node.named_children if c.type == "type_spec"), None)
        return _text(spec.child_by_field_name("name")) if spec is not None else None
    return None


def _last_row(node: tree_sitter.Node) -> int:
    """The node's last row with text on it (a node that ends at column 0 ends on the row before)."""
    row = node.end_point.row
    return row - 1 if node.end_point.column == 0 and row > node.start_point.row else row
