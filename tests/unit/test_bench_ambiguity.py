"""The apply benchmark's ambiguity oracle (bench/ambiguity.py) on small hand-written cases."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.ambiguity import judge, marker_predicate

M = "# ... existing code ..."
is_marker = marker_predicate(["... existing code ..."])


def text(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def verdict(original: list[str], sketch: list[str], expected: list[str]) -> str:
    return judge(text(original), text(sketch), text(expected), is_marker).kind


FILLER = [f"    v{k} = compute({k})" for k in range(30)]


def test_insertion_next_to_a_unique_line_is_clear() -> None:
    original = ["def f():", "    a = 1", "    return a", "", "", "def g():", "    b = 2", "    return b"]
    expected = ["def f():", "    a = 1", "    log(a)", "    return a", "", "", "def g():", "    b = 2", "    return b"]
    assert verdict(original, [M, "    a = 1", "    log(a)", "    return a", M], expected) == "clear"


def test_insertion_whose_only_context_repeats_is_ambiguous() -> None:
    original = ["func f() {", "\ta()", "}", "", "func g() {", "\tb()", "}", "", "func h() {", "\tc()", "}"]
    expected = [*original[:8], "// new", *original[8:]]  # after g's blank line, before h
    sketch = [M.replace("#", "//"), "}", "", "// new", "func h() {", M.replace("#", "//")]
    assert verdict(original, sketch, expected) == "clear"  # a unique line anchors it
    weak = [M.replace("#", "//"), "}", "", "// new", M.replace("#", "//")]  # only `}` and a blank line
    assert verdict(original, weak, expected) == "ambiguous"


def test_weak_context_deletion_is_ambiguous() -> None:
    """Deleting one line whose only context is a blank line and a lone brace: any `blank, X, }` fits as well."""
    original = ["fn a() {", "    one();", "", "    drop();", "}", "", "fn b() {", "    two();", "", "    three();", "}"]
    expected = [*original[:3], *original[4:]]  # drop() deleted
    sketch = ["// ... existing code ...", "", "}", "// ... existing code ..."]
    found = judge(text(original), text(sketch), text(expected), is_marker)
    assert found.ambiguous and "deleted 1" in found.reason
    strong = ["// ... existing code ...", "    one();", "", "}", "// ... existing code ..."]
    assert verdict(original, strong, expected) == "clear"


def test_reading_that_deletes_dozens_of_lines_to_place_one_more_does_not_count() -> None:
    """The new last line also occurs 30 lines further down: placing it there would delete everything between."""
    original = ["def f():", "    x = 1", "    return x", "", "", "def g():", *FILLER, "    return 0"]
    expected = ["def f():", "    x = 1", "    return x", "    return 0", *original[3:]]
    assert verdict(original, [M, "    x = 1", "    return x", "    return 0", M], expected) == "clear"


def test_new_block_between_two_markers_is_ambiguous() -> None:
    original = ["def f():", "    return 1", "", "", "def g():", "    return 2"]
    expected = [*original[:4], "def h():", "    return 3", *original[4:]]
    found = judge(text(original), text([M, "def h():", "    return 3", M]), text(expected), is_marker)
    assert found.ambiguous


def test_changed_signature_at_a_block_edge_is_clear() -> None:
    """A whole function whose first line changed: the new line is a recognisable edit of the old one."""
    original = ["import os", "", "", "def f(a, b):", "    c = a + b", "    return c", "", "", "def g():", "    pass"]
    expected = [*original[:3], "def f(a, b, d=0):", "    c = a + b + d", "    return c", *original[6:]]
    assert verdict(original, [M, "def f(a, b, d=0):", "    c = a + b + d", "    return c", M], expected) == "clear"


def test_unrecognisable_replacement_next_to_a_marker_is_ambiguous() -> None:
    """A marker could as well keep the old line the new one replaces."""
    original = ["def f():", "    old_thing()", "    keep_me()", "    return 1"]
    expected = ["def f():", "    brand_new_call(42)", "    keep_me()", "    return 1"]
    assert verdict(original, [M, "    brand_new_call(42)", "    keep_me()", M], expected) == "ambiguous"


def test_new_copy_read_as_a_rename_of_its_neighbour() -> None:
    """Shown with only a blank line before it, a copy of `f` named `f2` reads as well as `f` renamed to `f2`;
    shown after the end of `f`, it does not (that line is where the new code joins the kept code)."""
    body = ["    a = load()", "    b = a * 2", "    return b"]
    original = ["import os", "", "def f():", *body, "", "def g():", "    pass"]
    expected = [*original[:7], "def f2():", *body, "", *original[7:]]
    rename = [M, "", "def f2():", *body, "", "def g():", M]
    assert verdict(original, rename, expected) == "ambiguous"
    anchored = [M, "    return b", "", "def f2():", *body, "", "def g():", M]
    assert verdict(original, anchored, expected) == "clear"


def test_repeated_code_is_ambiguous() -> None:
    case = [
        "def test_a():",
        "    r = run()",
        "    assert r.ok",
        "",
        "def test_b():",
        "    r = run()",
        "    assert r.ok",
    ]
    expected = [*case[:6], "    assert r.code == 0", *case[6:]]
    assert verdict(case, [M, "    r = run()", "    assert r.code == 0", "    assert r.ok", M], expected) == "ambiguous"
    # without a closing marker the block is pinned to the file's end: only test_b fits
    assert verdict(case, [M, "    r = run()", "    assert r.code == 0", "    assert r.ok"], expected) == "clear"


def test_a_change_that_only_moves_a_blank_line_is_reported_as_such() -> None:
    original = ["import a", "", "", "x = 1"]
    expected = ["import a", "", "import b", "", "", "x = 1"]
    found = judge(text(original), text([M, "import a", "", "import b", "", M]), text(expected), is_marker)
    assert found.ambiguous and "only in blank lines" in found.reason


def test_literal_marker_line_is_ambiguous() -> None:
    """The file holds a line that reads as a marker; shown to delete the line after it, a reader takes it for a
    marker that keeps that line."""
    original = ["def f():", "    # ... existing code ...", "    a()", "    return 1"]
    expected = ["def f():", "    # ... existing code ...", "    return 1"]
    assert verdict(original, expected, expected) == "ambiguous"
    assert verdict(original, original, original) == "clear"  # read as a marker, it keeps what it shows


@pytest.mark.parametrize(
    ("search", "kind"),
    [(["    return x"], "ambiguous"), (["def g(x):", "    return x"], "clear")],
)
def test_search_replace(search: list[str], kind: str) -> None:
    original = ["def f(x):", "    return x", "", "def g(x):", "    return x"]
    replace = [*search[:-1], "    return x + 1"]
    expected = [*original[:3], "def g(x):", "    return x + 1"]
    sketch = ["<<<<<<< SEARCH", *search, "=======", *replace, ">>>>>>> REPLACE"]
    if kind == "ambiguous":  # the meant occurrence is the second one; the first fits as well
        assert verdict(original, sketch, expected) == "ambiguous"
    else:
        assert verdict(original, sketch, expected) == "clear"


def test_search_block_after_an_earlier_insertion_of_the_same_line_is_clear() -> None:
    """Blocks come in file order: the second SEARCH is looked for after the first block's replacement."""
    original = ['"""Doc."""', "import os", "from abc import X", "import sys"]
    expected = ['"""Doc."""', "", "from abc import X", "import os", "import sys"]
    sketch = [
        "<<<<<<< SEARCH",
        '"""Doc."""',
        "=======",
        '"""Doc."""',
        "",
        "from abc import X",
        ">>>>>>> REPLACE",
        "<<<<<<< SEARCH",
        "from abc import X",
        "=======",
        ">>>>>>> REPLACE",
    ]
    assert verdict(original, sketch, expected) == "clear"
