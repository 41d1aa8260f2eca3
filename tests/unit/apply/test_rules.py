"""The apply model's rules, one folder each: ``rules/<rule>/<case>/`` holds ``original.<ext>``, ``sketch.<ext>`` and
either ``expected.<ext>`` (the merged file) or ``refused.txt`` (``kind: words of the reason``). Each folder reads as
the documentation of one generator, cost term, margin rule or invariant (``server/polyedit/apply/cost.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from polyedit.apply import ApplyRefused, apply_sketch

RULES = Path(__file__).parent / "rules"
CASES = sorted(p for p in RULES.glob("*/*") if p.is_dir() and not p.parent.name.startswith("."))


def _file(folder: Path, stem: str) -> Path | None:
    return next(iter(sorted(folder.glob(f"{stem}.*"))), None)


@pytest.mark.parametrize("folder", CASES, ids=[f"{p.parent.name}/{p.name}" for p in CASES])
def test_rule(folder: Path) -> None:
    original, sketch = _file(folder, "original"), _file(folder, "sketch")
    assert original is not None and sketch is not None
    path = "example" + original.name[len("original") :]
    expected, refused = _file(folder, "expected"), folder / "refused.txt"
    if refused.exists():
        kind, words = refused.read_text().strip().split(": ", 1)
        with pytest.raises(ApplyRefused) as info:
            apply_sketch(path, original.read_text(), sketch.read_text())
        assert info.value.kind == kind and words in info.value.reason, info.value.reason
        return
    assert expected is not None
    assert apply_sketch(path, original.read_text(), sketch.read_text()).text == expected.read_text()


def test_every_rule_has_a_fixture() -> None:
    rules = {p.parent.name for p in CASES}
    assert {"line-run", "edge", "end-of-scope", "definition", "move", "margin"} <= rules
