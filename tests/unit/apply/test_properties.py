"""Property: for real files, random edits and the sketches models write, the merge gives back exactly the edited
file or refuses — never a different file. Also idempotence on the result."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polyedit.apply import ApplyRefused, apply_sketch

from bench.sketch_writer import STYLES, write_sketch

ROOT = Path(__file__).resolve().parents[3]
FILES = sorted(
    [*ROOT.glob("server/polyedit/**/*.py"), *ROOT.glob("tests/data/sample_workspace/**/*.*")],
    key=lambda p: p.as_posix(),
)
TEXTS = {p.relative_to(ROOT).as_posix(): p.read_text() for p in FILES if p.stat().st_size > 200}


@st.composite
def edited_file(draw: st.DrawFn) -> tuple[str, str, str]:
    path = draw(st.sampled_from(sorted(TEXTS)))
    lines = TEXTS[path].splitlines()
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["modify", "insert", "delete"]))
        if op == "modify":
            lines[at] = lines[at] + draw(st.sampled_from(["  # changed", " or None", "_v2"]))
        elif op == "insert":
            indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
            lines.insert(at, indent + draw(st.sampled_from(["log_call()", "x = compute(x)", "assert ready"])))
        elif len(lines) > 5:
            del lines[at]
    return path, TEXTS[path], "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_file(), st.sampled_from(STYLES), st.integers(0, 2**16))
def test_merge_is_exact_or_refuses(case: tuple[str, str, str], style: str, seed: int) -> None:
    path, original, edited = case
    sketch = write_sketch(path, original, edited, style, random.Random(seed))
    if sketch is None or original == edited:
        return
    try:
        result = apply_sketch(path, original, sketch)
    except ApplyRefused:
        return
    assert result.text == edited
    try:
        again = apply_sketch(path, result.text, sketch)
    except ApplyRefused:
        return
    assert again.text == edited
