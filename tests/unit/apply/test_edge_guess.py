"""What a line at a block's edge is about (``apply/edge_guess.py``): the key that says "an edit of its neighbour"."""

from __future__ import annotations

import pytest
from polyedit.apply.cost import Cost, Piece, Reading
from polyedit.apply.edge_guess import guessed_edge, opens_or_closes
from polyedit.apply.generators import Original
from polyedit.apply.likeness import line_key, other_definition
from polyedit.apply.sketch import Block


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('WINDOWS = sys.platform == "win32"', "WINDOWS"),
        ("    self.prefixes: t.Set[str] = set()", "self.prefixes"),
        ("\tc := load(cfg)", "c"),
        ("from ._compat import PYDANTIC_V2, Url", "from ._compat import"),
        ('    return f"{size:,} bytes"', "return"),
        ('      <BlogPostItems data-testid="x" items={items} />', "<BlogPostItems"),
        ("import json", ""),  # no delimiter: only likeness can tell
        ("- one more item", ""),
    ],
)
def test_line_key(line: str, expected: str) -> None:
    assert line_key(line) == expected


@pytest.mark.parametrize(
    ("line", "old", "expected"),
    [
        ("def test_parse_hex():", "def test_parse_neg():", True),
        ("func (d *Debugger) FinishV2() {", "func (d *Debugger) Finish() {", True),
        ("    pub(crate) fn as_ranks_v2(&self) -> usize {", "    pub(crate) fn as_ranks(&self) -> usize {", True),
        ("pub fn as_ranks(&self, n: u8) -> usize {", "pub fn as_ranks(&self) -> usize {", False),  # one definition
        ("let sizeValue = 1;", "let size = 1;", False),  # a variable is no definition here
    ],
)
def test_other_definition(line: str, old: str, expected: bool) -> None:
    assert other_definition(line, old) is expected


def test_a_scope_head_or_end() -> None:
    # Read as new, ``entryValue := &Entry{`` would need a body and a closer of its own: it is the original's head.
    assert opens_or_closes("\tentryValue := &Entry{")
    assert opens_or_closes("def load_user(uid):")
    assert opens_or_closes("    });")
    assert not opens_or_closes("\tc := load(cfg)")


def test_an_edge_line_that_stands_as_it_is_elsewhere_is_no_edit() -> None:
    # ``return string(j), false, retErr`` after a marker, read as replacing the line of another function that only
    # resembles it, while it stands as it is at the end of ``Decode``: the block's own text names another place.
    original = [
        "func Encode() {",
        "\treturn buf.String(), false, retErr",
        "}",
        "",
        "func Decode() {",
        "\treturn string(j), false, retErr",
        "}",
    ]
    orig = Original("x.go", original, tabs=True)
    block = Block(["\treturn string(j), false, retErr", "}"], first=2, marker_before=True)
    reading = Reading(0, "line-run", (Piece(1, 3, tuple(block.lines)),), Cost(), pairs=((0, 1), (1, 2)))
    guess = guessed_edge(orig, block, reading, first=True)
    assert guess is not None and guess[1] == [1, 5] and "stands as it is at line 6" in guess[0]
    exact = Reading(0, "line-run", (Piece(5, 7, tuple(block.lines)),), Cost(), pairs=((0, 5), (1, 6)))
    assert guessed_edge(orig, block, exact, first=True) is None
