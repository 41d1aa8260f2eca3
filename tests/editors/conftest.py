"""Editor end-to-end tests need real editors: ``.ci/setup-editors`` installs them (``make test`` runs it first)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
POLYEDIT = Path(sys.executable).parent / "polyedit"


def require(program: str) -> str:
    found = shutil.which(program)
    if found is None:
        pytest.fail(f"{program} is not installed: run .ci/setup-editors (make test does)")
    return found


@pytest.fixture
def polyedit_command() -> str:
    assert POLYEDIT.exists(), f"{POLYEDIT} is missing: run make install"
    return str(POLYEDIT)
