"""What the syntax tree says about a text: where definitions start and end, and its syntax errors."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

import tree_sitter

from polyedit.index.languages import LANGUAGES, language_for, parser_for


def _string_opened(root: tree_sitter.Node, row: int) -> int | None:
    node: tree_sitter.Node | None = root.descendant_for_point_range((row, 0), (row, 0))
    while node is not None:
        if node.type in ("template_substitution", "interpolation"):
            return None
        if node.type in _MULTILINE_STRINGS:
            if node.start_point.row < row and (node.end_point.row, node.end_point.column) > (row, 0):
                return node.start_point.row
            return None
        node = node.parent
    return None


# String literals whose line breaks and leading whitespace are their text: Python's strings (triple-quoted ones
# span lines; an implicit concatenation of strings is not one), JS/TS template literals, Go and Rust raw strings.
_MULTILINE_STRINGS = frozenset(("string", "template_string", "raw_string_literal"))


@dataclass(frozen=True)
class Definition:
    start: int  # 0-based rows, inclusive
    end: int
    header_indent: int
    complete: bool = True  # parsed without errors
    name: tuple[str, ...] = ()  # qualified name, outermost first: ("Repo", "load"), ("impl Foo", "bar")
    holds_code: bool = False  # a function's (or a variable's) body: what it nests is its code, not members


def named_outermost(definitions: list[Definition], name: tuple[str, ...]) -> list[Definition]:
    """The definitions whose qualified name ends with ``name``, one per span, the outermost of a wrapper and what it
    wraps (a decorated definition and its function, an ``export`` and its declaration, hold the same name)."""
    found = {(d.start, d.end): d for d in definitions if len(d.name) >= len(name) and d.name[-len(name) :] == name}
    return [
        d
        for d in found.values()
        if not any(o is not d and o.start <= d.start and d.end <= o.end for o in found.values())
    ]


class Outline:
    def __init__(self, path: str, lines: list[str]) -> None:
        self.definitions: list[Definition] = []
        self.error_rows: list[int] = []
        self.root: tree_sitter.Node | None = None
        self._opened: dict[int, int | None] = {}
        spec = language_for(path)
        if spec is None:
            return
        source = ("\n".join(lines) + "\n").encode("utf-8")
        try:
            tree = parser_for(spec.name).parse(source)
        except Exception:  # a grammar that fails gives no structure; the merge then relies on lines alone
            return
        self.root = tree.root_node
        self.error_rows = _error_rows(tree.root_node)
        kinds = spec.definitions | spec.wrappers
        found: list[tuple[tree_sitter.Node, str]] = []
        for node in _captured(spec.name, tree.root_node):
            name = (_name(node) or f"<{node.type}>") if node.type in kinds else None
            if node.type == "expression_statement":
                name = _name(node)
            if name is not None:
                found.append((node, name))
        self.definitions = _qualified(found, lines, spec.containers, spec.wrappers)

    def definition_end(self, row: int, complete_only: bool = False) -> int | None:
        """End row of the largest definition that starts at ``row`` (decorators and exports included)."""
        ends = [d.end for d in self.definitions if d.start == row and (d.complete or not complete_only)]
        return max(ends) if ends else None

    def body_end_after(self, row: int, marker_indent: int) -> int | None:
        """End of the innermost definition around ``row`` whose header is less indented than the marker."""
        around = [d for d in self.definitions if d.start <= row <= d.end and d.header_indent < marker_indent]
        if not around:
            return None
        return min(around, key=lambda d: d.end - d.start).end

    def in_string(self, row: int, column: int) -> bool:
        """Whether the text at (row, column) lies inside a string literal (a docstring, a template, a raw string)."""
        if self.root is None:
            return False
        node: tree_sitter.Node | None = self.root.descendant_for_point_range((row, column), (row, column))
        while node is not None:
            if "string" in node.type or node.type in ("heredoc_body", "template_literal"):
                return True
            node = node.parent
        return False

    def string_opened(self, row: int) -> int | None:
        """The row where the string literal that row ``row`` starts inside was opened, when that is an earlier row
        (a triple-quoted string's, a template literal's or a raw string's later lines, up to its closing quotes):
        the row's leading whitespace is the string's text, not indentation. None elsewhere: between the strings
        of an implicit concatenation, in a string continued with backslashes, inside an interpolation
        (``${...}``, an f-string's ``{...}``)."""
        if row not in self._opened:
            self._opened[row] = None if self.root is None else _string_opened(self.root, row)
        return self._opened[row]

    def whole_nodes(self, first: int, last: int) -> bool:
        """Whether rows first..last hold only complete syntax nodes (statements, definitions, arguments,
        comments): a node that starts in them and ends after (or the reverse) is looked into, and passes only when
        what of it lies in the rows is whole named children and separators. False without a syntax tree, or when a
        syntax error touches the rows; an error elsewhere in the file (a macro tree-sitter cannot read, far away)
        says nothing about these rows: a careful reader still sees a whole definition deleted."""
        if self.root is None:
            return False
        stack = list(self.root.children)
        while stack:
            node = stack.pop()
            start, end = node.start_point.row, _last_row(node)
            if end < first or start > last:
                continue
            if node.type == "ERROR" or node.is_missing:
                return False
            inside_start, inside_end = first <= start <= last, first <= end <= last
            if inside_start and inside_end:
                if node.has_error:
                    return False
                continue
            if inside_start != inside_end:  # crosses an edge of the rows: only a list of whole parts may
                inner = [c for c in node.children if first <= c.start_point.row <= last]
                if not node.named_children or any(not c.is_named and c.type not in _SEPARATORS for c in inner):
                    return False
            stack.extend(node.children)
        return True

    @staticmethod
    def syntax_errors(path: str, text: str) -> list[int]:
        """0-based rows of ERROR/MISSING nodes; empty for languages without a grammar."""
        spec = language_for(path)
        if spec is None:
            return []
        try:
            root = parser_for(spec.name).parse((text + "\n").encode("utf-8")).root_node
        except Exception:  # a grammar that fails reports nothing
            return []
        return _error_rows(root)


def _error_rows(root: tree_sitter.Node) -> list[int]:
    """Rows of ERROR and MISSING nodes, looked for only under nodes that hold an error (most trees: none)."""
    rows, stack = [], [root]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            rows.append(node.start_point.row)
        if node.has_error:
            stack.extend(node.children)
    return rows


@cache
def _definition_query(language: str) -> tree_sitter.Query:
    """One query for the nodes that may be definitions: the language's definition and wrapper kinds, named or
    keywords (a ``module`` keyword is a node of that kind too), and every expression statement (a test call, a
    function assigned to a property)."""
    spec_language = parser_for(language).language
    assert spec_language is not None
    spec = LANGUAGES[language]
    patterns = []
    for kind in sorted(spec.definitions | spec.wrappers | {"expression_statement"}):
        if spec_language.id_for_node_kind(kind, True) is not None:
            patterns.append(f"({kind}) @d")
        if spec_language.id_for_node_kind(kind, False) is not None:
            patterns.append(f'"{kind}" @d')
    return tree_sitter.Query(spec_language, "\n".join(patterns))


def _captured(language: str, root: tree_sitter.Node) -> list[tree_sitter.Node]:
    """The nodes that may be definitions, found by the grammar's query engine instead of a walk over every node."""
    captures = tree_sitter.QueryCursor(_definition_query(language)).captures(root)
    return captures.get("d", [])


def _depth(node: tree_sitter.Node) -> int:
    depth, parent = 0, node.parent
    while parent is not None:
        depth, parent = depth + 1, parent.parent
    return depth


def _qualified(
    found: list[tuple[tree_sitter.Node, str]], lines: list[str], containers: frozenset[str], wrappers: frozenset[str]
) -> list[Definition]:
    """Definitions with their qualified names (the names of the definitions around them, outermost first; a
    wrapper adds none), listed in the order of a depth-first walk that visits a node's children last to first."""
    ranges = [(node.start_byte, node.end_byte) for node, _ in found]
    tied = {r for r, n in Counter(ranges).items() if n > 1}  # a wrapper and what it wraps may span the same bytes
    depth = [_depth(node) if r in tied else 0 for (node, _), r in zip(found, ranges, strict=True)]
    order = sorted(range(len(found)), key=lambda k: (ranges[k][0], -ranges[k][1], depth[k]))
    open_scopes: list[tuple[int, tuple[str, ...]]] = []  # (end byte, the scope inside it)
    definitions: list[tuple[tuple[int, int, int], Definition]] = []
    for k in order:
        node, name = found[k]
        while open_scopes and open_scopes[-1][0] < ranges[k][1]:
            open_scopes.pop()
        scope = open_scopes[-1][1] if open_scopes else ()
        start, end = node.start_point.row, _last_row(node)
        line = lines[start] if start < len(lines) else ""
        indent = len(line) - len(line.lstrip())
        code = node.type not in containers and node.type not in wrappers
        definition = Definition(start, end, indent, not node.has_error, (*scope, name), code)
        definitions.append(((-ranges[k][1], ranges[k][0], depth[k]), definition))
        open_scopes.append((ranges[k][1], scope if node.type in wrappers else (*scope, name)))
    return [d for _, d in sorted(definitions, key=lambda item: item[0])]


_SEPARATORS = frozenset({",", ";", "\n"})
_TEST_CALLS = frozenset({"describe", "it", "test", "context", "suite"})
_FUNCTIONS = frozenset({"function_expression", "function", "arrow_function"})


def _text(node: tree_sitter.Node | None) -> str:
    return node.text.decode("utf-8", "replace") if node is not None and node.text is not None else ""


_DECLARED = ("identifier", "field_identifier", "qualified_identifier", "destructor_name", "operator_name")


def _name(node: tree_sitter.Node) -> str | None:
    """A definition's own name: ``load``, ``impl Foo``, ``describe('x')``; None when the node names nothing."""
    if node.type == "expression_statement":  # describe('x', () => ...) / it('y', ...) in test files
        call = node.named_children[0] if node.named_children else None
        if call is not None and call.type == "assignment_expression":  # View.prototype.render = function (...) {
            value = call.child_by_field_name("right")
            functions = ("function_expression", "function", "arrow_function")
            return _text(call.child_by_field_name("left")) if value is not None and value.type in functions else None
        if call is None or call.type != "call_expression":
            return None
        callee, args = call.child_by_field_name("function"), call.child_by_field_name("arguments")
        label = args.named_children[0] if args is not None and args.named_children else None
        if label is None or label.type not in ("string", "template_string"):
            return None
        handler = args.named_children[-1].type in _FUNCTIONS if args is not None else False
        if _text(callee) not in _TEST_CALLS and not (
            handler and callee is not None and callee.type == "member_expression"
        ):
            return None  # a test, or a handler registered under a string (``router.get("/", auth, async (req) =>``)
        return f"{_text(callee)}({_text(label)})"
    if node.type == "impl_item":
        trait, kind = node.child_by_field_name("trait"), node.child_by_field_name("type")
        return f"impl {_text(trait)} for {_text(kind)}" if trait is not None else f"impl {_text(kind)}"
    named = node.child_by_field_name("name")
    if named is not None:
        return _text(named)
    declarator = node.child_by_field_name("declarator")  # C/C++: ``PyObject *f(int x) {`` names ``f``
    while declarator is not None and declarator.type not in _DECLARED:
        declarator = declarator.child_by_field_name("declarator")
    if declarator is not None:
        return _text(declarator)
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


def top_level_names(path: str, text: str) -> list[str]:
    """Names of the file's top-level definitions in file order, read from the root's children only (a fraction of
    an Outline's cost on a large file); none without a grammar. When the top level names fewer than two, the
    definitions sit in a wrapper (``declare module "x" {``, ``namespace N {``, a bundle's ``(function () {``, an
    ``if`` block, a lone class, ``describe(...)``): those found within WRAPPER_DEPTH levels are named after it."""
    spec = language_for(path)
    if spec is None:
        return []
    try:
        root = parser_for(spec.name).parse(text.encode("utf-8")).root_node
    except Exception:  # a grammar that fails names nothing
        return []
    kinds = spec.definitions | spec.wrappers

    def named(node: tree_sitter.Node) -> str | None:
        return _name(node) if node.type in kinds or node.type == "expression_statement" else None

    names = list(dict.fromkeys(name for node in root.children if (name := named(node))))
    if len(names) < 2:
        names += _inner_names(root, named, spec.containers | spec.wrappers, set(names))
    return list(dict.fromkeys(names))


def top_level_rows(path: str, lines: list[str]) -> frozenset[int]:
    """The rows where the file's top-level statements start (the root's children); none without a grammar. A row
    inside a template string, a block comment or a ``namespace N {`` is not one."""
    spec = language_for(path)
    if spec is None:
        return frozenset()
    try:
        root = parser_for(spec.name).parse(("\n".join(lines) + "\n").encode("utf-8")).root_node
    except Exception:  # a grammar that fails finds nothing
        return frozenset()
    return frozenset(node.start_point.row for node in root.children)


WRAPPER_DEPTH = 6  # levels looked through for wrapped definitions: a UMD bundle's function is 5 below the root
WRAPPER_NODES = 20_000  # nodes looked at in all: a large script of statements stays cheap
_NAMESPACES = frozenset({"module", "internal_module", "namespace_definition"})  # named by what they hold


def _inner_names(
    root: tree_sitter.Node, named: Callable[[tree_sitter.Node], str | None], open_kinds: frozenset[str], top: set[str]
) -> list[str]:
    """The outermost definitions in the file's wrappers, in file order. Looked through: what names nothing (an
    IIFE, an ``if`` block, ``declare module``), namespaces, and a container, wrapper or test group named at the top
    (a lone class, ``export class``, a decorated class, ``describe('x')``). Any other definition is named and not
    looked into: a lone function's locals are not definitions of its file."""
    found: list[str] = []
    stack = [(node, 0) for node in reversed(root.children)]
    seen = 0
    while stack and seen < WRAPPER_NODES:
        node, depth = stack.pop()
        seen += 1
        name = named(node)
        opened = name in top and (node.type in open_kinds or (node.type == "expression_statement" and name[-1] == ")"))
        if name is not None and not opened and node.type not in _NAMESPACES:
            found.append(name)
        elif depth < WRAPPER_DEPTH:
            stack.extend((child, depth + 1) for child in reversed(node.named_children))
    return found


@lru_cache(maxsize=256)
def outline_of(path: str, lines: tuple[str, ...]) -> Outline:
    """The outline of a sketch's lines, parsed once however many readings ask (treat it as read-only)."""
    return Outline(path, list(lines))


def has_grammar(path: str) -> bool:
    return language_for(path) is not None
