"""Shared fixtures: a small multi-language workspace and an isolated cache directory."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
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


@pytest.fixture(scope="session", autouse=True)
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One folder for the int8 ONNX embedding model for the whole run: it is exported once (seconds), not once per
    test's cache directory. Servers and commands that tests start inherit the environment."""
    path = tmp_path_factory.mktemp("models")
    previous = os.environ.get("POLYEDIT_MODELS_DIR")
    os.environ["POLYEDIT_MODELS_DIR"] = str(path)
    yield path
    if previous is None:
        os.environ.pop("POLYEDIT_MODELS_DIR", None)
    else:
        os.environ["POLYEDIT_MODELS_DIR"] = previous
