"""What a generate call sees of a large file, and that a sketch written on that view applies to the real file."""

from __future__ import annotations

from polyedit.apply.api import apply_sketch
from polyedit.pipeline.focus import focused_view


def big_module(functions: int = 60) -> str:
    parts = ["import os\nimport sys\n\nLIMIT = 10\n"]
    for i in range(functions):
        parts.append(
            f"\n\ndef handler_{i}(request):\n"
            f"    value = request.get('field_{i}')\n"
            f"    if value is None:\n"
            f"        return LIMIT + {i}\n"
            f"    return len(value) * {i}\n"
        )
    parts.append("\n\nclass Registry:\n    def lookup(self, name):\n        return fetch_user(name)\n")
    return "".join(parts)


def test_a_small_file_is_shown_whole() -> None:
    text = "def f():\n    return 1\n"
    view = focused_view("a.py", text, "change f", budget_tokens=4000)
    assert view.text == text and not view.focused


def test_a_large_file_shows_the_named_definition_whole_and_the_rest_as_an_outline() -> None:
    text = big_module()
    view = focused_view("app/handlers.py", text, "make handler_17 return 0 when value is empty", budget_tokens=300)
    assert view.focused and view.shown_lines < view.total_lines / 3
    assert "def handler_17(request):\n    value = request.get('field_17')\n" in view.text  # whole
    assert "    return len(value) * 17\n" in view.text
    assert "import os\nimport sys\n" in view.text  # the module header
    assert "\n\ndef handler_3(request):\n    # ... 4 lines not shown ...\n\n\ndef handler_4" in view.text  # outline
    assert view.text.endswith("class Registry:\n    # ... 2 lines not shown ...\n")


def test_every_use_of_a_named_identifier_is_shown_even_over_the_budget() -> None:
    text = big_module().replace("LIMIT + 5\n", "fetch_user(5)\n").replace("LIMIT + 40\n", "fetch_user(1)\n")
    view = focused_view("app/handlers.py", text, "rename fetch_user to load_user", budget_tokens=250)
    assert view.text.count("fetch_user(") == text.count("fetch_user(") == 3


def test_nothing_matching_the_intent_shows_the_whole_file() -> None:
    text = big_module()
    assert focused_view("app/handlers.py", text, "tidy up", budget_tokens=300).text == text


def test_markers_use_the_language_comment() -> None:
    body = "".join(f"export function scaleBy{i}(x: number): number {{\n  return x * {i};\n}}\n\n" for i in range(80))
    view = focused_view("src/f.ts", body, "make scaleBy7 round its result", budget_tokens=300)
    assert view.focused and "export function scaleBy7(x: number): number {\n  return x * 7;\n}" in view.text
    assert "// ... 2 lines not shown ..." in view.text


def test_the_view_itself_is_a_sketch_that_applies_exactly() -> None:
    """A model that copies the view and changes one line produces exactly the real file with that line changed."""
    text = big_module()
    view = focused_view("app/handlers.py", text, "make handler_17 return 0", budget_tokens=300)
    sketch = view.text.replace("    return len(value) * 17\n", "    return 0\n")
    merged = apply_sketch("app/handlers.py", text, sketch)
    assert merged.text == text.replace("    return len(value) * 17\n", "    return 0\n")
