"""Invariants checked on a merged file, called directly: Markdown code fences and Python imports."""

from __future__ import annotations

import pytest
from polyedit.apply.invariants import syntax_problem
from polyedit.apply.unbound import detached_decorator, dropped_import, stolen_decorators

FENCED = ["# Recipes", "", "```rust", "fn a() {}", "```", "", "## More", "", "```rust", "fn b() {}", "```"]


def test_a_markdown_fence_left_open_is_a_syntax_problem() -> None:
    result = FENCED[:4] + FENCED[5:]  # the first closing fence is gone: the second block's opener closes nothing
    problem = syntax_problem("README.md", FENCED, result)
    assert problem is not None and "code fence" in problem


def test_a_stray_fence_that_makes_an_info_string_fence_land_inside_a_block_is_a_syntax_problem() -> None:
    result = [*FENCED[:5], "}", "```", *FENCED[5:]]  # a doubled tail: the stray fence swallows the next heading
    problem = syntax_problem("README.md", FENCED, result)
    assert problem is not None and "line 11" in problem  # the ```rust the stray fence swallowed


@pytest.mark.parametrize(
    "lines",
    [
        FENCED,
        ["````markdown", "```js", "x()", "```", "````"],  # a longer fence may hold shorter ones
        ["~~~", "```rust", "~~~"],  # another fence character does not close, nor open
    ],
)
def test_fences_that_pair_up_are_no_problem(lines: list[str]) -> None:
    assert syntax_problem("notes.md", lines, lines) is None


def test_a_file_whose_fences_were_broken_before_is_not_blamed_on_the_merge() -> None:
    broken = FENCED[:4]
    assert syntax_problem("notes.md", broken, [*broken, "more text"]) is None


ORIGINAL = ["import os", "import sys as system", "from json import dumps", "", "def f():", "    return os.sep"]


@pytest.mark.parametrize(
    ("result", "found"),
    [
        (ORIGINAL[2:], ("os", 4)),  # both imports gone, ``os`` still read
        (["import sys as system", *ORIGINAL[2:]], ("os", 5)),
        ([*ORIGINAL[1:], "print(dumps(system))"], ("os", 5)),
    ],
)
def test_an_import_dropped_while_its_name_is_read_is_found(result: list[str], found: tuple[str, int]) -> None:
    assert dropped_import("m.py", ORIGINAL, result) == found


@pytest.mark.parametrize(
    "result",
    [
        ORIGINAL,  # nothing dropped
        ["import os", *ORIGINAL[2:]],  # ``system`` is not read any more
        [*ORIGINAL[1:4], "os = None", *ORIGINAL[4:]],  # the module binds ``os`` itself now
        ["from os import *", *ORIGINAL[1:]],  # a star import
        ["import os.path", *ORIGINAL[1:]],  # binds ``os`` as well
        [*ORIGINAL[2:4], "def f(os):", "    return os.sep"],  # a parameter
    ],
)
def test_names_still_bound_are_no_problem(result: list[str]) -> None:
    assert dropped_import("m.py", ORIGINAL, result) is None


def test_other_languages_and_broken_results_are_left_to_other_checks() -> None:
    assert dropped_import("m.js", ORIGINAL, ORIGINAL[2:]) is None
    assert dropped_import("m.py", ORIGINAL, [*ORIGINAL[2:], "def broken(:"]) is None


def test_the_removal_share_does_not_count_code_re_wrapped_over_fewer_lines() -> None:
    from polyedit.apply.invariants import removed_share

    original = ["a = 1", "", "", "b = 2", "c = (", "    3", ")", "d = 4"]
    assert removed_share(original, ["a = 1", "", "", "b = 2", "c = (3)", "d = 4"]) == 0.0  # re-wrapped
    assert removed_share(original, ["a = 1", "b = 2", "c = (", "    3", ")", "d = 4"]) == 2 / 8  # blank lines
    assert removed_share(original, ["a = 1", "", "", "d = 4"]) == 4 / 8  # code deleted


DECORATED = ["class T:", "    @fixture", "    def old(self):", "        return 1"]
TAKEN = ["class T:", "    @fixture", "    def new(self):", "        return 2", "", *DECORATED[2:]]


def test_a_decorator_a_new_definition_took_is_found() -> None:
    sketch = ["    @fixture", "    def new(self):", "        return 2", "    # ... existing code ..."]
    assert stolen_decorators("t.py", DECORATED, sketch, TAKEN) == "def old(self):"


def test_a_decorator_moved_on_purpose_passes() -> None:
    sketch = ["    @fixture", "    def new(self):", "        return 2", "", "    def old(self):"]  # shows it bare
    assert stolen_decorators("t.py", DECORATED, sketch, TAKEN) is None


def test_decorators_kept_or_dropped_alone_pass() -> None:
    kept = [*TAKEN[:5], "    @fixture", *TAKEN[5:]]
    assert stolen_decorators("t.py", DECORATED, [], kept) is None
    dropped = ["class T:", "    def old(self):", "        return 1"]  # no new definition holds them
    assert stolen_decorators("t.py", DECORATED, [], dropped) is None
    assert stolen_decorators("t.ts", DECORATED, [], TAKEN) is None


def test_a_multi_line_decorator_through_a_comment_is_found() -> None:
    decorator = ["    @mark.parametrize(", '        "n", [1, 2]', "    )"]
    original = ["class T:", *decorator, "    # slow", "    def old(self, n):"]
    result = [*original[:4], "    def new(self, n):", "        return n", "", "    # slow", "    def old(self, n):"]
    assert stolen_decorators("t.py", original, ["    def new(self, n):"], result) == "def old(self, n):"


def test_a_rust_attribute_taken_and_a_header_after_a_marker_are_found() -> None:
    original = ["#[test]", "fn parses() {", "}"]
    result = ["#[test]", "fn parses_empty() {", "}", "", "fn parses() {", "}"]
    sketch = ["#[test]", "fn parses_empty() {", "}", "// ... existing code ...", "fn parses() {"]
    assert stolen_decorators("t.rs", original, sketch, result) == "fn parses() {"


def test_a_decorator_left_above_a_blank_line_is_found() -> None:
    original = ["@login_required", "def recent(request):", "    return 1", "", "", "@login_required", "def tags(r):"]
    result = ["@login_required", "", "", "@login_required", "def tags(r):"]  # recent's def and body gone
    assert detached_decorator("v.py", original, result) == 1
    assert detached_decorator("v.py", original, original) is None
    assert detached_decorator("v.ts", original, result) is None
