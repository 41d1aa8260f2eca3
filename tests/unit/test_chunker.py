"""The chunker follows definitions in each language, splits long ones, merges tiny neighbours."""

from __future__ import annotations

import itertools

import pytest
from polyedit.index.chunker import Chunker
from polyedit.index.tokens import estimate_tokens

# (path, source, expected symbols of the chunks, in order) — budgets small enough that each definition stands alone.
CASES = [
    (
        "m.py",
        "import os\n\n\nclass Repo:\n    def load(self, key):\n        return os.environ.get(key)\n\n"
        "    @property\n    def size(self):\n        return len(self.items) + 1000\n\n\n"
        "def main():\n    print(Repo().load('HOME'))\n",
        ["Repo", "Repo.load", "Repo.size", "main"],
    ),
    (
        "app.js",
        "function add(a, b) {\n  return a + b;\n}\n\nconst mul = (a, b) => {\n  return a * b;\n};\n\n"
        "class Calc {\n  run(x) {\n    return add(x, x) + mul(x, x);\n  }\n}\n",
        ["add", "mul", "Calc", "Calc.run"],
    ),
    (
        "types.ts",
        "export interface User {\n  id: number;\n  name: string;\n}\n\n"
        "export function greet(user: User): string {\n  return `hello ${user.name}`;\n}\n\n"
        "export type Id = number | string;\n",
        ["User", "greet", "Id"],
    ),
    (
        "view.tsx",
        "export function Button(props: { label: string }) {\n"
        "  return <button>{props.label}</button>;\n}\n\n"
        "export const Link = (p: { href: string }) => <a href={p.href}>link</a>;\n",
        ["Button", "Link"],
    ),
    (
        "main.go",
        "package main\n\ntype Server struct {\n\taddr string\n}\n\n"
        "func (s *Server) Start() error {\n\treturn nil\n}\n\nfunc main() {\n\t_ = (&Server{}).Start()\n}\n",
        ["Server", "Start", "main"],
    ),
    (
        "lib.rs",
        "pub struct Point {\n    x: i32,\n    y: i32,\n}\n\nimpl Point {\n    pub fn norm(&self) -> i32 {\n"
        "        self.x * self.x + self.y * self.y\n    }\n\n    pub fn flip(&self) -> Point {\n"
        "        Point { x: self.y, y: self.x }\n    }\n}\n",
        ["Point", "Point.norm", "Point.flip"],
    ),
    (
        "Shop.java",
        "public class Shop {\n    private int stock;\n\n"
        "    public Shop(int stock) {\n        this.stock = stock;\n    }\n\n"
        "    public int sell(int count) {\n        stock -= count;\n        return stock;\n    }\n}\n",
        ["Shop", "Shop.Shop", "Shop.sell"],
    ),
    (
        "util.c",
        "#include <stdio.h>\n\nstruct pair {\n    int a;\n    int b;\n};\n\n"
        "static int *find_slot(int *table, int key) {\n    return table + key % 64;\n}\n",
        ["pair", "find_slot"],
    ),
    (
        "geo.cpp",
        "namespace geo {\nclass Circle {\n  public:\n"
        "    double area() const {\n        return 3.14159 * r * r;\n    }\n"
        "    double r;\n};\n}\n",
        ["geo", "geo.Circle", "geo.Circle.area"],
    ),
]


@pytest.mark.parametrize(("path", "source", "symbols"), CASES, ids=[c[0] for c in CASES])
def test_chunks_follow_definitions(path: str, source: str, symbols: list[str]) -> None:
    chunker = Chunker(max_tokens=24)
    chunker.min_tokens = 0  # no merging: see each definition on its own
    chunks = chunker.chunk(path, source)
    seen = [c.symbol for c in chunks if c.symbol]
    # A definition cut into windows repeats its symbol; compare the sequence of distinct definitions.
    assert [s for i, s in enumerate(seen) if i == 0 or seen[i - 1] != s] == symbols
    lines = source.splitlines()
    for chunk in chunks:
        assert chunk.text == "".join(line + "\n" for line in lines[chunk.start_line - 1 : chunk.end_line])
        assert chunk.embed_text.startswith(path)


def test_embedded_text_carries_path_and_enclosing_class() -> None:
    source = "class Repo:\n    def load(self, key):\n        return key\n" + "\n".join(
        f"    def m{i}(self):\n        return {i} * self.value_with_a_long_name\n" for i in range(30)
    )
    chunks = Chunker(max_tokens=60).chunk("pkg/repo.py", source)
    method = next(c for c in chunks if c.symbol == "Repo.m5")
    assert method.embed_text.splitlines()[0] == "pkg/repo.py > Repo :: m5"


def test_long_definition_is_split_into_windows_within_budget() -> None:
    body = "".join(f"    total += compute_item_value(items[{i}], factor={i})\n" for i in range(200))
    source = f"def accumulate(items):\n    total = 0\n{body}    return total\n"
    chunks = Chunker(max_tokens=120).chunk("big.py", source)
    assert len(chunks) > 5
    assert all(c.symbol == "accumulate" for c in chunks)
    assert all(estimate_tokens(c.text) <= 120 for c in chunks)
    covered = set()
    for c in chunks:
        covered.update(range(c.start_line, c.end_line + 1))
    assert covered == set(range(1, len(source.splitlines()) + 1))


def test_tiny_neighbours_are_merged() -> None:
    source = "def a():\n    return 1\n\n\ndef b():\n    return 2\n\n\ndef c():\n    return 3\n"
    chunks = Chunker(max_tokens=200).chunk("small.py", source)
    assert len(chunks) == 1 and (chunks[0].start_line, chunks[0].end_line) == (1, 10)


def test_plain_text_gets_overlapping_windows() -> None:
    source = "".join(f"line {i} of the notes with several words in it\n" for i in range(100))
    chunks = Chunker(max_tokens=50).chunk("NOTES.txt", source)
    assert len(chunks) > 3
    assert all(c.symbol is None for c in chunks)
    assert all(b.start_line <= a.end_line for a, b in itertools.pairwise(chunks))  # overlap
    assert chunks[-1].end_line == 100


def test_unparsable_code_still_chunks() -> None:
    chunks = Chunker().chunk("broken.py", "def (:\n  ))) class\n" * 5)
    assert chunks and chunks[0].start_line == 1


def test_empty_file_has_no_chunks() -> None:
    assert Chunker().chunk("empty.py", "") == []


def test_same_text_gives_same_hash_and_path_changes_it() -> None:
    a = Chunker().chunk("a.py", "def f():\n    return 1\n")[0]
    b = Chunker().chunk("a.py", "def f():\n    return 1\n")[0]
    c = Chunker().chunk("b.py", "def f():\n    return 1\n")[0]
    assert a.content_hash == b.content_hash != c.content_hash


def test_a_failing_grammar_falls_back_to_line_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    import polyedit.index.chunker as chunker_module

    def broken(name: str) -> None:
        raise RuntimeError(f"grammar {name} is broken")

    monkeypatch.setattr(chunker_module, "parser_for", broken)
    chunks = Chunker(max_tokens=50).chunk("m.py", "".join(f"def f{i}():\n    return {i}\n\n" for i in range(40)))
    assert chunks and all(c.symbol is None for c in chunks) and chunks[-1].end_line == 120
