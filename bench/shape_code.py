"""Structure of real files for the shape case builder: definitions and statements from tree-sitter, sections of
Markdown, rules of CSS, blocks of YAML and TOML. Written for the benchmark, independently of the apply model's own
structure code (the cases must not share the merge's view of a file)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import tree_sitter
from polyedit.index.languages import parser_for

LANGUAGE_OF = {
    ".py": "python",
    ".js": "javascript",
    ".cjs": "javascript",
    ".mjs": "javascript",
    ".ts": "typescript",
    ".tsx": "tsx",
    ".go": "go",
    ".rs": "rust",
    ".md": "markdown",
    ".css": "css",
    ".yml": "yaml",
    ".yaml": "yaml",
    ".toml": "toml",
}
CODE = {"python", "javascript", "typescript", "tsx", "go", "rust"}
_DEFS = {
    "python": {"function_definition", "class_definition"},
    "javascript": {"function_declaration", "generator_function_declaration", "class_declaration", "method_definition"},
    "typescript": {
        "function_declaration",
        "generator_function_declaration",
        "class_declaration",
        "abstract_class_declaration",
        "method_definition",
    },
    "go": {"function_declaration", "method_declaration"},
    "rust": {"function_item", "impl_item", "trait_item"},
}
_DEFS["tsx"] = _DEFS["typescript"]
CONTAINERS = {"class_definition", "class_declaration", "abstract_class_declaration", "impl_item", "trait_item"}
_WRAPPERS = {"decorated_definition", "export_statement"}
_FUNCTIONS = {"function_expression", "arrow_function", "function"}


def language_of(path: str) -> str | None:
    return LANGUAGE_OF.get(PurePosixPath(path).suffix.lower())


def parse(language: str, text: str) -> tree_sitter.Tree:
    return parser_for(language).parse(text.encode("utf-8"))


def error_count(language: str, text: str) -> int:
    """Syntax errors tree-sitter finds (ERROR and MISSING nodes)."""
    count = 0
    stack = [parse(language, text).root_node]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            count += 1
        if node.has_error:
            stack.extend(node.children)
    return count


@dataclass
class Stmt:
    start: int
    end: int
    kind: str
    whole_line: bool


@dataclass
class Def:
    """A definition's lines (``start`` includes decorators and ``export``), inclusive."""

    name: str
    kind: str
    start: int
    end: int
    indent: str
    parent: str | None
    header_end: int  # last line of the signature (the line holding the body's opening)
    body: list[Stmt] = field(default_factory=list)
    members: list[Def] = field(default_factory=list)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.parent, self.name)

    @property
    def is_container(self) -> bool:
        return self.kind in CONTAINERS


@dataclass
class Callback:
    """A statement ending in a function whose body closes the statement: ``x.forEach(function () {`` ... ``});``."""

    start: int
    end: int
    closer: str
    body: list[Stmt]


def _text(node: tree_sitter.Node) -> str:
    return node.text.decode("utf-8", "replace") if node.text else ""


def _name(node: tree_sitter.Node) -> str | None:
    name = node.child_by_field_name("name")
    if name is None and node.type == "impl_item":
        name = node.child_by_field_name("type")
        trait = node.child_by_field_name("trait")
        if name is not None and trait is not None:
            return f"{_text(trait)} for {_text(name)}"
    return _text(name) if name is not None else None


# The bodies made of statements; an arrow function's expression body is not one of them.
_STATEMENT_BODIES = {"block", "statement_block", "compound_statement"}


def _statements(body: tree_sitter.Node | None, lines: list[str]) -> list[Stmt]:
    if body is None:
        return []
    out = []
    children = list(body.named_children)
    while len(children) == 1 and children[0].type == "statement_list":
        children = list(children[0].named_children)
    flat: list[tree_sitter.Node] = []
    for child in children:
        flat.extend(child.named_children if child.type == "statement_list" else [child])
    for child in flat:
        if child.type in ("comment", "line_comment", "block_comment"):
            continue
        s, e = child.start_point.row, child.end_point.row
        head = lines[s][: child.start_point.column]
        tail = lines[e][child.end_point.column :] if e < len(lines) else ""
        out.append(Stmt(s, e, child.type, not head.strip() and tail.strip() in ("", ";", ",")))
    return out


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _arrow_name(node: tree_sitter.Node) -> tuple[str, tree_sitter.Node] | None:
    """``const Name = (...) => {...}`` / ``= function () {...}``: its name and function node."""
    declarators = [c for c in node.named_children if c.type == "variable_declarator"]
    if len(declarators) != 1:
        return None
    value = declarators[0].child_by_field_name("value")
    name = declarators[0].child_by_field_name("name")
    if value is None or name is None or value.type not in _FUNCTIONS:
        return None
    return _text(name), value


def definitions(language: str, text: str) -> list[Def]:
    """Top-level definitions and the members of classes/impls, in file order."""
    lines = text.split("\n")
    types = _DEFS[language]
    out: list[Def] = []

    def visit(node: tree_sitter.Node, parent: Def | None) -> None:
        for child in node.named_children:
            target, wrapper = child, child
            if child.type in _WRAPPERS:
                inner = [c for c in child.named_children if c.type in types or c.type == "lexical_declaration"]
                if not inner:
                    continue
                target = inner[-1]
            function: tree_sitter.Node | None = target
            name = _name(target)
            if target.type == "lexical_declaration" and language in ("javascript", "typescript", "tsx"):
                found = _arrow_name(target)
                if found is None or found[1].start_point.row == found[1].end_point.row:
                    continue
                name, function = found
            elif target.type not in types:
                if child.type in ("class_body", "declaration_list", "block") and parent is not None:
                    visit(child, parent)
                continue
            if name is None or function is None:
                continue
            body = function.child_by_field_name("body")
            start, end = wrapper.start_point.row, target.end_point.row
            header_end = body.start_point.row if body is not None else start
            d = Def(
                name,
                target.type,
                start,
                end,
                _indent(lines[start]),
                parent.name if parent else None,
                header_end,
            )
            if target.type in CONTAINERS:
                if body is not None:
                    visit(body, d)
            elif body is not None and body.type in _STATEMENT_BODIES:
                d.body = _statements(body, lines)
            # else an expression body (``(a) => a ? b : c``): no statement of it can take a new one
            if parent is not None:
                parent.members.append(d)
            out.append(d)

    visit(parse(language, text).root_node, None)
    return sorted(out, key=lambda d: (d.start, -d.end))


def callbacks(language: str, text: str) -> list[Callback]:
    """Statements closed by ``});``, ``};`` or ``})`` on their own line, whose last function holds the body."""
    lines = text.split("\n")
    out: list[Callback] = []
    stack = [parse(language, text).root_node]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        if node.type != "expression_statement":
            continue
        s, e = node.start_point.row, node.end_point.row
        closer = lines[e].strip()
        if e - s < 4 or closer not in ("});", "};", "})", "})"):
            continue
        functions = [n for n in _descendants(node) if n.type in _FUNCTIONS and n.end_point.row == e]
        if not functions:
            continue
        body = functions[0].child_by_field_name("body")
        if body is None or body.start_point.row != s or body.type != "statement_block":
            continue
        out.append(Callback(s, e, closer, _statements(body, lines)))
    return sorted(out, key=lambda c: c.start)


def _descendants(node: tree_sitter.Node) -> list[tree_sitter.Node]:
    out, stack = [], list(node.named_children)
    while stack:
        n = stack.pop()
        out.append(n)
        if n.type not in _FUNCTIONS:
            stack.extend(n.named_children)
    return out


@dataclass
class JsxParent:
    """A JSX element whose children sit on their own lines: (start, end) of the parent and of each child."""

    start: int
    end: int
    open_end: int
    children: list[tuple[int, int]]


def jsx_parents(language: str, text: str) -> list[JsxParent]:
    lines = text.split("\n")
    out = []
    stack = [parse(language, text).root_node]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        if node.type != "jsx_element":
            continue
        opening = node.child_by_field_name("open_tag") or node.named_children[0]
        kids = [c for c in node.named_children if c.type in ("jsx_element", "jsx_self_closing_element")]
        spans = [(c.start_point.row, c.end_point.row) for c in kids]
        own_lines = all(
            not lines[s][: c.start_point.column].strip() and not lines[e][c.end_point.column :].strip()
            for c, (s, e) in zip(kids, spans, strict=True)
        )
        distinct = all(spans[k][1] < spans[k + 1][0] for k in range(len(spans) - 1))
        if len(kids) >= 3 and own_lines and distinct and node.end_point.row > opening.end_point.row:
            out.append(JsxParent(node.start_point.row, node.end_point.row, opening.end_point.row, spans))
    return sorted(out, key=lambda p: p.start)


# ---- non-code files: the units a model shows whole --------------------------------------------------------------


@dataclass
class Block:
    """A unit of a non-code file: a Markdown section, a CSS rule, a YAML mapping entry, a TOML table."""

    title: str
    start: int
    end: int  # inclusive, trailing blank lines excluded
    level: int = 0


def _trim(lines: list[str], start: int, end: int) -> int:
    while end > start and not lines[end].strip():
        end -= 1
    return end


def markdown_sections(lines: list[str]) -> list[Block]:
    heads: list[tuple[int, int]] = []
    fence = False
    for k, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        elif not fence and (m := re.match(r"(#{1,6}) \S", line)):
            heads.append((k, len(m.group(1))))
    out = []
    for index, (k, level) in enumerate(heads):
        nxt = next((h for h, lv in heads[index + 1 :] if lv <= level), len(lines))
        out.append(Block(lines[k], k, _trim(lines, k, nxt - 1), level))
    return out


def css_rules(lines: list[str]) -> list[Block]:
    """Top-level rules: selector lines at column 0 ending in ``{``, closed by a ``}`` at column 0."""
    out = []
    k = 0
    while k < len(lines):
        line = lines[k]
        if line.endswith("{") and line[:1] not in (" ", "\t", "}", "/") and line.strip() != "{":
            start = k
            while start > 0 and lines[start - 1].endswith(",") and lines[start - 1][:1] not in (" ", "\t"):
                start -= 1
            end = next((j for j in range(k + 1, len(lines)) if lines[j] == "}"), None)
            if end is None:
                break
            out.append(Block(line, start, end))
            k = end + 1
        else:
            k += 1
    return out


def yaml_blocks(lines: list[str]) -> list[Block]:
    """Mapping entries whose value spans lines, at indentation 0 and 2 (``jobs:`` and each job)."""
    out = []
    for k, line in enumerate(lines):
        m = re.match(r"( {0,2})([A-Za-z_][\w.-]*):\s*$", line)
        if not m:
            continue
        indent = len(m.group(1))
        end = k
        for j in range(k + 1, len(lines)):
            if lines[j].strip() and len(_indent(lines[j])) <= indent and not lines[j].lstrip().startswith("#"):
                break
            end = j
        end = _trim(lines, k, end)
        if end > k + 1:
            out.append(Block(line, k, end, indent))
    return out


def toml_tables(lines: list[str]) -> list[Block]:
    heads = [k for k, line in enumerate(lines) if re.match(r"\[\[?[^\]]+\]\]?\s*$", line)]
    out = []
    for index, k in enumerate(heads):
        nxt = heads[index + 1] if index + 1 < len(heads) else len(lines)
        end = _trim(lines, k, nxt - 1)
        while end > k and lines[end].lstrip().startswith("#"):  # a comment before the next table belongs to it
            end = _trim(lines, k, end - 1)
        if end > k:
            out.append(Block(lines[k], k, end))
    return out
