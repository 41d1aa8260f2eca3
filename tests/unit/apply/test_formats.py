"""Search/replace blocks, full content, format detection, markers, line endings, encodings, edits."""

from __future__ import annotations

import pytest
from polyedit.apply import ApplyRefused, apply_sketch
from polyedit.apply.api import detect_format
from polyedit.apply.edits import apply_edits, minimal_edits, units
from polyedit.apply.markers import comment_styles, is_marker

ORIGINAL = "def a():\n    return 1\n\n\ndef b():\n    return 2\n"


def sr(search: str, replace: str) -> str:
    return f"<<<<<<< SEARCH\n{search}=======\n{replace}>>>>>>> REPLACE\n"


def test_several_search_replace_blocks() -> None:
    sketch = "Here are the edits:\n" + sr("    return 1\n", "    return 10\n") + sr("    return 2\n", "    return 20\n")
    result = apply_sketch("m.py", ORIGINAL, sketch)
    assert result.format == "search-replace"
    assert result.text == ORIGINAL.replace("return 1\n", "return 10\n").replace("return 2\n", "return 20\n")


def test_search_replace_whitespace_insensitive_keeps_file_indentation() -> None:
    result = apply_sketch("m.py", ORIGINAL, sr("return 2\n", "x = 2\nreturn x\n"))
    assert result.text == ORIGINAL.replace("    return 2\n", "    x = 2\n    return x\n")


@pytest.mark.parametrize(
    ("sketch", "words"),
    [
        (sr("    return 3\n", "    return 4\n"), "not found"),
        (sr("\n", "# separator\n"), "occurs 2 times"),
        ("<<<<<<< SEARCH\n    return 1\n=======\n", "not closed"),
    ],
)
def test_search_replace_refusals(sketch: str, words: str) -> None:
    with pytest.raises(ApplyRefused) as info:
        apply_sketch("m.py", ORIGINAL, sketch, fmt="search-replace")
    assert words in info.value.reason


def test_full_content_new_file_and_rewrite() -> None:
    assert apply_sketch("new.py", "", "x = 1\n").text == "x = 1\n"
    rewrite = apply_sketch("m.py", ORIGINAL, "print('hi')\n", "full")
    assert rewrite.format == "full" and rewrite.text == "print('hi')\n"


def test_a_markerless_sketch_read_as_the_whole_file_may_not_remove_most_of_it() -> None:
    """One TOML table, one function with its import: the model meant that part and forgot the markers."""
    with pytest.raises(ApplyRefused) as info:
        apply_sketch("m.py", ORIGINAL, "print('hi')\n")
    assert info.value.kind == "removal" and "no markers" in info.value.reason
    table = "[project]\nname = 'x'\n\n[tool.ruff]\nline-length = 100\nselect = ['E']\n\n[tool.mypy]\nstrict = true\n"
    part = apply_sketch("pyproject.toml", table, "[tool.ruff]\nline-length = 120\n")  # read as the part it shows
    assert part.text == table.replace("line-length = 100", "line-length = 120")
    same_size = ORIGINAL.replace("def", "def ", 1)
    assert apply_sketch("m.py", ORIGINAL, same_size).text == same_size  # a whole file, rewritten: still applies


@pytest.mark.parametrize(
    ("path", "line", "marker"),
    [
        ("a.py", "# ... existing code ...", True),
        ("a.py", "    # (unchanged)", True),
        ("a.py", "# rest of the file remains the same", True),
        ("a.py", "# compute the total", False),
        ("a.py", "x = 1  # ...", False),
        ("a.ts", "// ... rest of the code remains the same ...", True),
        ("a.ts", "/* ... */", True),
        ("a.ts", "// ...", True),
        ("a.ts", "# ... existing code ...", False),
        ("a.go", "\t// ... existing code ...", True),
        ("a.rs", "// ... other methods ...", True),
        ("page.html", "<!-- ... -->", True),
        ("notes.txt", "# ...", True),
        ("a.py", "", False),
        ("a.py", "    # ... imports ...", True),
        ("a.py", "    # Definitions chunked member by member when too long (classes, impls, ...).", False),
        ("a.ts", "// TODO: handle the remaining cases later, see the issue tracker ...", False),
    ],
)
def test_marker_detection(path: str, line: str, marker: bool) -> None:
    assert is_marker(line, comment_styles(path)) is marker


def test_detect_format() -> None:
    assert detect_format(sr("a\n", "b\n"), "x.py") == "search-replace"
    assert detect_format("# ...\nx = 1\n", "x.py") == "lazy"
    assert detect_format("x = 1\n", "x.py") == "full"


def test_crlf_and_missing_final_newline_are_kept() -> None:
    original = "def a():\r\n    return 1\r\n\r\ndef b():\r\n    return 2"
    result = apply_sketch("m.py", original, "# ...\ndef b():\n    return 3\n")
    assert result.text == "def a():\r\n    return 1\r\n\r\ndef b():\r\n    return 3"
    assert apply_edits(original, result.edits) == result.text


def test_tabs_are_kept_when_the_sketch_uses_spaces() -> None:
    original = "package m\n\nfunc F() int {\n\tx := 1\n\treturn x\n}\n"
    result = apply_sketch("m.go", original, "// ...\nfunc F() int {\n    x := 2\n    return x\n}\n")
    assert result.text == original.replace("x := 1", "x := 2")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("a = 1\nb = 'héllo'\n", "a = 1\nb = 'héllo wörld'\n"),
        ("s = '😀😀'\nt = 1\n", "s = '😀x😀'\nt = 2\n"),
        ("name = '日本語'\n", "name = '日本語です'\n"),
        ("e = 'e\u0301'\n", "e = 'e\u0301e\u0301'\n"),
        ("x\r\ny\r\n", "x\r\nz\r\ny\r\n"),
        ("", "new\n"),
        ("old\n", ""),
    ],
)
@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
def test_edits_reproduce_the_text_in_every_encoding(old: str, new: str, encoding: str) -> None:
    edits = minimal_edits(old, new, encoding)  # type: ignore[arg-type]
    assert apply_edits(old, edits, encoding) == new  # type: ignore[arg-type]


def test_edit_positions_count_utf16_code_units() -> None:
    [edit] = minimal_edits("s = '😀a'\n", "s = '😀b'\n")
    assert (edit.start_line, edit.start_character, edit.end_character, edit.new_text) == (0, 7, 8, "b")
    [edit8] = minimal_edits("s = '😀a'\n", "s = '😀b'\n", "utf-8")
    assert edit8.start_character == 9
    assert units("😀", "utf-32") == 1


def test_edits_are_minimal() -> None:
    edits = minimal_edits(ORIGINAL, ORIGINAL.replace("return 2", "return 22"))
    assert len(edits) == 1 and edits[0].new_text == "2" and edits[0].start_line == 5


def test_a_search_replace_deleting_a_blank_line_applies_once() -> None:
    """Applied twice, the block must leave the file as applied once (the second time it is already there)."""
    original = "x = {\n    'a': 1,\n}\n\n_CHOICES = {'k': 1}\n\n\ndef f():\n    return 1\n"
    sketch = (
        "<<<<<<< SEARCH\n\n_CHOICES = {'k': 1}\n\n\ndef f():\n=======\n\n_CHOICES = {'k': 1}\n\ndef f():\n"
        ">>>>>>> REPLACE\n"
    )
    once = apply_sketch("m.py", original, sketch).text
    assert once == original.replace("1}\n\n\ndef", "1}\n\ndef")
    assert apply_sketch("m.py", once, sketch).text == once
