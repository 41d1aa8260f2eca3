from __future__ import annotations

from pathlib import Path

import pytest
from polyedit.config import Settings, load_workspace_settings, merge


def test_defaults() -> None:
    settings = Settings()
    assert settings.embedding_model == "all-MiniLM-L6-v2"
    assert settings.max_file_size_bytes == 1024 * 1024


@pytest.mark.parametrize(
    ("overrides", "problem"),
    [
        ({"maxFileSizeBytes": "big"}, "must be int"),
        ({"debounce_ms": True}, "must be int"),
        ({"chunk_max_tokens": 3}, ">= 32"),
        ({"embedding_model": 42}, "must be str"),
        ({"no_such_setting": 1}, "unknown setting"),
    ],
)
def test_wrong_values_fall_back_with_a_message(overrides: dict[str, object], problem: str) -> None:
    settings = merge(Settings(), overrides, "client")
    assert settings == Settings()
    assert len(settings.problems) == 1 and problem in settings.problems[0] and "client" in settings.problems[0]


def test_camel_case_keys_from_editors() -> None:
    assert merge(Settings(), {"maxFileSizeBytes": 10, "debounceMs": 5}, "c").max_file_size_bytes == 10


def test_not_a_table() -> None:
    assert "expected a table" in merge(Settings(), [1, 2], "c").problems[0]  # type: ignore[arg-type]


def test_pyproject_then_polyedit_toml(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.polyedit]\nchunk_max_tokens = 100\ndebounce_ms = 10\n")
    (tmp_path / "polyedit.toml").write_text("debounce_ms = 20\n")
    settings = load_workspace_settings(tmp_path)
    assert (settings.chunk_max_tokens, settings.debounce_ms) == (100, 20)


def test_broken_toml_is_reported(tmp_path: Path) -> None:
    (tmp_path / "polyedit.toml").write_text("this is = = not toml")
    settings = load_workspace_settings(tmp_path)
    assert settings.problems and "unreadable" in settings.problems[0]


def test_keys_only_the_editor_extension_reads_are_not_reported() -> None:
    settings = merge(Settings(), {"server": {"command": "/x"}, "trace": {"server": "off"}, "saveAfterEdit": True}, "c")
    assert settings == Settings() and settings.problems == ()
