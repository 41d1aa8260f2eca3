"""What a line at a block's edge is about (``apply/edge_guess.py``): the key that says "an edit of its neighbour"."""

from __future__ import annotations

import pytest
from polyedit.apply.edge_guess import opens_or_closes
from polyedit.apply.likeness import line_key


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


def test_a_scope_head_or_end() -> None:
    # Read as new, ``entryValue := &Entry{`` would need a body and a closer of its own: it is the original's head.
    assert opens_or_closes("\tentryValue := &Entry{")
    assert opens_or_closes("def load_user(uid):")
    assert opens_or_closes("    });")
    assert not opens_or_closes("\tc := load(cfg)")
