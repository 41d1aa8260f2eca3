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


@pytest.fixture(autouse=True)
def user_config_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's own (empty) user config directory: the developer's ~/.config/polyedit never leaks into a test,
    nor into the servers and commands tests start (they inherit the environment)."""
    path = tmp_path_factory.mktemp("user-config")
    monkeypatch.setenv("POLYEDIT_CONFIG_DIR", str(path))
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENROUTER_API_KEY", "GEMINI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    return path
