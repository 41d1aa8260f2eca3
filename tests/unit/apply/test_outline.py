"""The outline finds definitions with a tree-sitter query; it must list them as a walk over every node would.

The merge reads ``Outline.definitions`` in order (the first definition starting at a row, the innermost around
one), so the query's captures are put in the order of a depth-first walk that visits a node's children last to
first, with the qualified names the walk gives. The reference walk below is the one the query replaced.
"""

from __future__ import annotations

import pytest
import tree_sitter
from polyedit.apply.structure import Definition, Outline, _last_row, _name
from polyedit.index.languages import language_for, parser_for


def walked(path: str, text: str) -> tuple[list[Definition], list[int]]:
    spec = language_for(path)
    assert spec is not None
    lines = text.split("\n")
    tree = parser_for(spec.name).parse(("\n".join(lines) + "\n").encode("utf-8"))
    kinds = spec.definitions | spec.wrappers
    found: list[Definition] = []
    errors: list[int] = []
    stack: list[tuple[tree_sitter.Node, tuple[str, ...]]] = [(tree.root_node, ())]
    while stack:
        node, scope = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            errors.append(node.start_point.row)
        name = (_name(node) or f"<{node.type}>") if node.type in kinds else None
        if node.type == "expression_statement":
            name = _name(node)
        if name is not None:
            start = node.start_point.row
            line = lines[start] if start < len(lines) else ""
            code = node.type not in spec.containers and node.type not in spec.wrappers
            indent = len(line) - len(line.lstrip())
            found.append(Definition(start, _last_row(node), indent, not node.has_error, (*scope, name), code))
            if node.type not in spec.wrappers:
                scope = (*scope, name)
        stack.extend((child, scope) for child in node.children)
    return found, errors


SOURCES = {
    "app.py": """import os

@register
class Repo:
    def load(self):
        def inner():
            return 1
        return inner()

    @property
    def name(self): return "x"

def main(:
    pass
""",
    "spec.test.js": """describe('parser', () => {
  it('reads', () => {
    const f = function () { return 1 }
  })
  test(`writes`, async () => {})
})
View.prototype.render = function (a) { return a }
router.get('/:id', auth, async (req, res) => { res.end() })
export class A { m() {} static n = () => 1 }
export default function () {}
""",
    "types.d.ts": """declare module "x" {
  export interface I { a: string }
  namespace N { type T = number }
}
export abstract class B<T> { abstract f(): T }
enum E { A, B }
""",
    "lib.rs": """mod m {
    pub struct S;
    impl Display for S { fn fmt(&self) -> u8 { 0 } }
    impl S { pub(crate) fn new() -> Self { S } }
}
macro_rules! m { () => {} }
fn broken( {
""",
    "main.go": """package main

type T struct{ a int }

func (t T) M() int { return t.a }

func main() { f := func() {}; f() }
""",
    "x.cpp": """namespace ns {
template <typename T> struct P { T v; };
PyObject *f(int x) { return nullptr; }
class C { public: C(); ~C(); int operator+(int); };
}
""",
}


@pytest.mark.parametrize("path", sorted(SOURCES))
def test_the_query_lists_definitions_as_the_walk_does(path: str) -> None:
    outline = Outline(path, SOURCES[path].split("\n"))
    definitions, errors = walked(path, SOURCES[path])
    assert outline.definitions == definitions
    assert outline.error_rows == errors
    assert outline.definitions  # every source above defines something


def test_a_qualified_name_holds_the_scopes_around_it() -> None:
    outline = Outline("app.py", SOURCES["app.py"].split("\n"))
    names = {d.name for d in outline.definitions}
    assert ("Repo", "load", "inner") in names
    assert ("Repo", "name") in names  # under a decorator, which adds no scope
