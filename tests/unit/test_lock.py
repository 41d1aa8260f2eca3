"""The committed lock agrees with pyproject.toml (.ci/check-lock, also run by `make lint`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHECK = REPO / ".ci" / "check-lock"
PYPROJECT = (REPO / "pyproject.toml").read_text(encoding="utf-8")


def check(pyproject_text: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(pyproject_text, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(CHECK), str(pyproject), str(REPO / "requirements.lock")],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_committed_lock_matches_pyproject(tmp_path: Path) -> None:
    result = check(PYPROJECT, tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ('"anthropic>=2.10"', '"anthropic>=99"', "anthropic: requirements.lock pins"),
        ('"rapidfuzz>=3",', '"rapidfuzz>=3",\n  "left-pad-nowhere>=1",', "left-pad-nowhere: declared in"),
        ('  "rapidfuzz>=3",\n', "", "rapidfuzz: pinned in requirements.lock for pyproject.toml, which no longer"),
        ('  "hypothesis>=6",\n', "", "hypothesis: pinned in requirements.lock for pyproject.toml, which no longer"),
    ],
)
def test_a_disagreement_fails_and_names_the_package(tmp_path: Path, old: str, new: str, complaint: str) -> None:
    assert old in PYPROJECT
    result = check(PYPROJECT.replace(old, new), tmp_path)
    assert result.returncode == 1
    assert complaint in result.stderr and "make lock" in result.stderr
