"""Every refusal reason, data-driven: the merge says what went wrong instead of guessing."""

from __future__ import annotations

import pytest
from polyedit.apply import ApplyRefused, apply_sketch

PY = """import os


def load(key):
    value = os.environ.get(key)
    return value


def save(key, value):
    os.environ[key] = value


def main():
    return load("HOME")
"""

DUP = """def a():
    x = compute()
    return x


def b():
    x = compute()
    return x
"""

CASES = [
    (
        "ambiguous anchor",
        "dup.py",
        DUP,
        "# ... existing code ...\n    x = compute()\n    return x + 1\n# ... existing code ...\n",
        "ambiguous",
        "ambiguous anchor",
    ),
    (
        "missing anchor",
        "a.py",
        PY,
        "# ... existing code ...\ndef totally_new_thing():\n    pass\n# ... existing code ...\ndef other():\n    pass\n"
        "# ... existing code ...\n",
        "anchor",
        "no line of this block matches",
    ),
    (
        "floating block after a marker inside a function body",
        "a.py",
        PY,
        "# ... existing code ...\ndef load(key):\n    # ... existing code ...\n    audit(key)\n"
        "# ... existing code ...\n",
        "anchor",
        "no line of this block matches",
    ),
    (
        "new syntax error",
        "a.py",
        PY,
        "# ... existing code ...\ndef save(key, value):\n    os.environ[key] = (value\n# ... existing code ...\n",
        "syntax",
        "syntax error near line",
    ),
    (
        "no leading marker would drop code at the start",
        "a.py",
        PY,
        '    print("main")\n    return load("HOME")\n# ... existing code ...\n',
        "anchor",
        "no marker at its start",
    ),
    (
        "no trailing marker would drop code at the end",
        "a.py",
        PY,
        "# ... existing code ...\n    value = os.environ.get(key)\n    return value or ''\n",
        "anchor",
        "no marker at its end",
    ),
    (
        "lazy sketch for a file that does not exist",
        "new.py",
        "",
        "# ... existing code ...\ndef x():\n    pass\n",
        "format",
        "needs an existing file",
    ),
]


@pytest.mark.parametrize(("name", "path", "original", "sketch", "kind", "words"), CASES, ids=[c[0] for c in CASES])
def test_refusal(name: str, path: str, original: str, sketch: str, kind: str, words: str) -> None:
    with pytest.raises(ApplyRefused) as info:
        apply_sketch(path, original, sketch)
    refusal = info.value
    assert refusal.kind == kind and words in refusal.reason
    assert str(refusal).startswith(path)
    assert len(str(refusal).splitlines()) <= 2


def test_removing_too_much_is_refused_and_the_limit_is_configurable() -> None:
    original = "".join(f"line_{i} = {i}\n" for i in range(20))
    with pytest.raises(ApplyRefused) as kept:  # the marker keeps the rest: nothing removed, nothing changed either
        apply_sketch("x.py", original, "line_0 = 0\n# ... existing code ...\n")
    assert kept.value.kind == "unchanged"
    cut = "# ... existing code ...\nline_0 = 0\n"  # read as: everything after line_0 goes
    with pytest.raises(ApplyRefused) as info:
        apply_sketch("x.py", original, cut)
    assert info.value.kind == "removal" and "95%" in info.value.reason
    assert apply_sketch("x.py", original, cut, max_removed_share=0.96).text == "line_0 = 0\n"


def test_search_replace_deletions_are_not_limited_by_the_removal_share() -> None:
    """Every line a SEARCH/REPLACE block removes is quoted in its SEARCH text: nothing is inferred, so the removal
    share (a guard against lazy sketches misread as rewrites) does not apply; the LLM tier's answers keep it."""
    original = "".join(f"line_{i} = {i}\n" for i in range(20))
    sr = "<<<<<<< SEARCH\n" + "".join(f"line_{i} = {i}\n" for i in range(10)) + "=======\n>>>>>>> REPLACE\n"
    assert apply_sketch("x.py", original, sr).text.startswith("line_10 = 10\n")


STEPS = "".join(f"def step_{i}(ctx):\n    ctx.log('step {i}')\n    return ctx\n\n" for i in range(6))


@pytest.mark.parametrize(
    ("path", "elision"),
    [
        ("steps.py", "    ...\n"),
        ("steps.py", "    pass  # remaining steps unchanged\n"),
        ("steps.py", "# etc.\n"),
        ("steps.py", "# the other steps stay as they are\n"),
        ("README.md", "(Sections 1-5 unchanged.)\n"),
    ],
)
def test_a_replace_text_cut_short_by_an_elision_line_keeps_the_removal_share(path: str, elision: str) -> None:
    """A REPLACE text that stands for what it leaves out with a line of its own ('...', 'pass  # rest unchanged',
    '// etc.') does not quote its deletions on purpose: the removal share applies, as to a lazy sketch."""
    original = STEPS if path.endswith(".py") else "".join(f"## Section {i}\n\nText {i}.\n\n" for i in range(6))
    head = (
        "def step_0(ctx):\n    ctx.log('step zero')\n    return ctx\n\n"
        if path.endswith(".py")
        else "## Section 0\n\nNew.\n\n"
    )
    sketch = f"<<<<<<< SEARCH\n{original}=======\n{head}{elision}>>>>>>> REPLACE\n"
    with pytest.raises(ApplyRefused) as info:
        apply_sketch(path, original, sketch)
    assert info.value.kind in ("removal", "marker")


def test_marker_left_in_output_is_refused() -> None:
    original = "def f():\n    return 1\n"
    full = "def f():\n    # ... existing code ...\n    return 2\n"
    with pytest.raises(ApplyRefused) as info:
        apply_sketch("f.py", original, full, fmt="full")
    assert info.value.kind == "marker" and "line 2" in info.value.reason


def test_marker_like_comment_already_in_the_file_is_not_an_error() -> None:
    original = "def f():\n    # ... existing code ...\n    return 1\n"
    assert apply_sketch("f.py", original, original.replace("1", "2"), fmt="full").text.endswith("return 2\n")


def test_a_refusal_tells_the_model_what_to_write_instead() -> None:
    with pytest.raises(ApplyRefused) as info:
        apply_sketch("dup.py", DUP, "# ...\n    x = compute()\n    return x + 1\n# ...\n")
    advice = info.value.advice()
    assert "sketch line 2" in advice and "lines 2 and 7" in advice and "header" in advice
