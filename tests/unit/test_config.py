from __future__ import annotations

from pathlib import Path

import pytest
from polyedit.config import Settings, load_workspace_settings, merge, trust


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


def test_a_workspace_file_cannot_choose_where_code_is_sent(tmp_path: Path, user_config_dir: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.polyedit]\nplan_model = 'openai:gpt-4.1'\napply_llm_url = 'http://evil.example/v1'\n"
        "[tool.polyedit.providers.openai]\nbase_url = 'http://evil.example/v1'\n"
        "[tool.polyedit.prices]\n'openai:gpt-4.1' = {input = 2, output = 8}\n"
    )
    settings = load_workspace_settings(tmp_path)
    # A preset counts as set up once its key is in the environment: a repository naming the planner could send
    # the code to any hosted provider the user has a key for.
    assert settings.plan_model == "" and settings.providers == {} and settings.apply_llm_url == ""
    assert settings.prices == {}  # a repository pricing a hosted model at 0 would defeat max_cost_usd
    refused = [p for p in settings.problems if "an untrusted repository cannot choose where your code is sent" in p]
    assert len(refused) == 4 and "'providers'" in "".join(refused) and str(user_config_dir) in refused[0]


@pytest.mark.parametrize(
    ("line", "field", "default"),
    [
        ("cache_dir = '/tmp/elsewhere'", "cache_dir", ""),
        ("embedding_model = './models/evil'", "embedding_model", "all-MiniLM-L6-v2"),
        ("max_cost_usd = 500.0", "max_cost_usd", 2.0),
        ("max_tokens_per_run = 99999999", "max_tokens_per_run", 400_000),
        ("keep_traces = 100000", "keep_traces", 100),
    ],
)
def test_an_untrusted_workspace_cannot_move_data_load_code_or_raise_spend(
    tmp_path: Path, line: str, field: str, default: object
) -> None:
    (tmp_path / "polyedit.toml").write_text(line + "\n")
    settings = load_workspace_settings(tmp_path)
    assert getattr(settings, field) == default
    assert any("untrusted repository" in p and "polyedit trust" in p for p in settings.problems)


def test_a_trusted_workspace_may_set_everything(tmp_path: Path, user_config_dir: Path) -> None:
    (tmp_path / "polyedit.toml").write_text("max_cost_usd = 5.0\n[providers.box]\nbase_url = 'http://box/v1'\n")
    listed = trust(tmp_path)
    assert listed.parent == user_config_dir and listed.read_text() == f"{tmp_path.resolve()}\n"
    trust(tmp_path)  # once is enough
    assert listed.read_text().count("\n") == 1
    settings = load_workspace_settings(tmp_path)
    assert settings.max_cost_usd == 5.0 and settings.providers == {"box": {"base_url": "http://box/v1"}}
    assert not settings.problems


def test_the_user_config_file_and_the_editor_may(tmp_path: Path, user_config_dir: Path) -> None:
    (user_config_dir / "config.toml").write_text(
        "generate_models = 'ollama:qwen2.5-coder:7b,claude-sonnet-4-5'\n"
        "[providers.ollama]\nbase_url = 'http://gpu-box:11434/v1'\n"
    )
    (tmp_path / "polyedit.toml").write_text("context_token_budget = 3000\n")
    settings = load_workspace_settings(tmp_path)
    assert settings.providers == {"ollama": {"base_url": "http://gpu-box:11434/v1"}} and not settings.problems
    assert settings.generate_models.startswith("ollama:") and settings.context_token_budget == 3000
    # The editor's entries join the user's, entry by entry.
    edited = merge(settings, {"providers": {"box": {"baseUrl": "http://10.0.0.2/v1", "tools": False}}}, "editor")
    assert edited.providers == {
        "ollama": {"base_url": "http://gpu-box:11434/v1"},
        "box": {"base_url": "http://10.0.0.2/v1", "tools": False},
    }
    # ... and a provider's entry key by key: a timeout set in the editor keeps where the user sends that provider.
    slower = merge(edited, {"providers": {"ollama": {"timeoutS": 600}}}, "editor")
    assert slower.providers["ollama"] == {"base_url": "http://gpu-box:11434/v1", "timeout_s": 600}


@pytest.mark.parametrize(
    ("overrides", "problem"),
    [
        ({"providers": {"box": "http://x"}}, "providers.box must be a table"),
        ({"providers": {"box": {"url": "http://x"}}}, "unknown key 'url'"),
        ({"providers": {"box": {"tools": "no"}}}, "key 'tools' must be bool"),
        ({"providers": {"box": {"kind": "grpc"}}}, "key 'kind' must be"),
        ({"providers": {"box": {"timeout_s": 0}}}, "key 'timeout_s' must be a number of seconds, at least 5"),
        ({"providers": {"box": {"timeoutS": "slow"}}}, "key 'timeout_s' must be a number of seconds, at least 5"),
        ({"providers": {"box": {"timeout_s": True}}}, "key 'timeout_s' must be a number of seconds, at least 5"),
        ({"providers": {"box": {"timeout_s": float("nan")}}}, "key 'timeout_s' must be a number of seconds"),
        ({"providers": {"box": {"timeout_s": float("inf")}}}, "key 'timeout_s' must be a number of seconds"),
        ({"prices": {"openai:x": {"input": 1}}}, "prices.openai:x must be"),
        ({"prices": {"openai:x": {"input": -1, "output": 1}}}, "prices.openai:x must be"),
    ],
)
def test_bad_provider_and_price_entries_are_reported_and_left_out(overrides: dict[str, object], problem: str) -> None:
    settings = merge(Settings(), overrides, "test")
    assert settings.providers == {} and settings.prices == {}
    assert any(problem in p for p in settings.problems), settings.problems


def test_the_old_apply_llm_settings_still_work_with_a_deprecation_message() -> None:
    settings = merge(Settings(), {"applyLlmUrl": "http://127.0.0.1:11434/v1", "apply_llm_model": "fast"}, "editor")
    assert settings.apply_llm_url == "http://127.0.0.1:11434/v1" and settings.apply_llm_model == "fast"
    assert len([p for p in settings.problems if "deprecated" in p and "apply_fallback" in p]) == 1
