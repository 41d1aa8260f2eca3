"""Shared fixtures: a small multi-language workspace and an isolated cache directory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SAMPLE = Path(__file__).parent / "data" / "sample_workspace"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cache"
    monkeypatch.setenv("POLYEDIT_CACHE_DIR", str(path))
    return path


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of tests/data/sample_workspace (Python, TypeScript, Go, Rust) with a .gitignore."""
    root = tmp_path / "ws"
    shutil.copytree(SAMPLE, root)
    (root / ".gitignore").write_text("build/\n*.log\n", encoding="utf-8")
    return root
