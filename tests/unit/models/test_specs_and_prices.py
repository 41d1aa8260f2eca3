"""Model specs, provider presets and where their settings come from, and prices."""

from __future__ import annotations

import json

import pytest
from polyedit.config import Settings, merge
from polyedit.models.pricing import FREE, UNKNOWN, Price, cost_usd
from polyedit.models.registry import build_models, price_table, provider_table, roles
from polyedit.models.specs import PRESETS, ModelSpec, endpoint, parse_spec
from polyedit.models.text_protocol import parse_calls
from polyedit.models.types import ModelError, ModelRequest, Tool, Usage


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("anthropic:claude-sonnet-4-5", ModelSpec("anthropic", "claude-sonnet-4-5")),
        ("claude-haiku-4-5", ModelSpec("anthropic", "claude-haiku-4-5")),  # bare: Anthropic, as before
        ("openai:gpt-4.1-mini", ModelSpec("openai", "gpt-4.1-mini")),
        ("ollama:qwen2.5-coder:7b", ModelSpec("ollama", "qwen2.5-coder:7b")),  # the model keeps its colon
        ("openrouter:qwen/qwen3-coder:free", ModelSpec("openrouter", "qwen/qwen3-coder:free")),
        ("qwen2.5-coder:7b", ModelSpec("anthropic", "qwen2.5-coder:7b")),  # no known provider prefix
        ("mybox:llama-3", ModelSpec("mybox", "llama-3")),  # a configured provider
        (" gemini:gemini-2.5-flash ", ModelSpec("gemini", "gemini-2.5-flash")),
    ],
)
def test_parse_spec(text: str, spec: ModelSpec) -> None:
    assert parse_spec(text, {"mybox": {"base_url": "http://10.0.0.2:8000/v1"}}) == spec


def test_presets_say_where_and_whether_a_key_is_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ollama", "vllm", "llamacpp", "lmstudio"):
        assert PRESETS[name].local and not PRESETS[name].key_required and "127.0.0.1" in str(PRESETS[name].base_url)
    for name, var in (("openai", "OPENAI_API_KEY"), ("openrouter", "OPENROUTER_API_KEY"), ("gemini", "GEMINI_API_KEY")):
        monkeypatch.delenv(var, raising=False)
        point = endpoint(name)
        assert point.key_required and point.key_env == var and not point.local
        assert f"export {var}=" in str(point.missing_key()) and name in str(point.missing_key())
    assert endpoint("ollama").missing_key() is None


def test_endpoint_settings_come_from_the_providers_table_then_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("POLYEDIT_OLLAMA_BASE_URL", "http://gpu-box:11434/v1")
    assert endpoint("ollama").base_url == "http://gpu-box:11434/v1"
    configured = {"ollama": {"base_url": "http://other:11434/v1", "tools": False}}
    assert (
        endpoint("ollama", configured).base_url == "http://other:11434/v1" and not endpoint("ollama", configured).tools
    )
    custom = endpoint("box", {"box": {"base_url": "http://10.0.0.2/v1", "api_key_env": "BOX_KEY"}})
    assert custom.kind == "openai" and custom.key_env == "BOX_KEY" and custom.key_required and not custom.local
    with pytest.raises(LookupError, match=r"providers\.nobox"):
        endpoint("nobox")


def test_prices_configured_defaults_free_local_and_unknown_hosted() -> None:
    settings = Settings(prices={"openai:gpt-x": {"input": 1.0, "output": 2.0}}, providers={"box": {"local": True}})
    table = price_table(settings, provider_table(settings))
    assert table.price("openai", "gpt-x") == Price(1.0, 2.0, 1.0, 1.0)
    assert table.price("anthropic", "claude-haiku-4-5").input == 1.0
    assert table.price("openai", "gpt-4.1-mini-2025-04-14").output == 1.6
    assert table.price("ollama", "qwen2.5-coder:7b") == FREE and table.price("box", "m") == FREE
    assert table.price("openrouter", "some/model") == UNKNOWN
    assert "openrouter:some/model" in str(table.unknown("openrouter", "some/model"))
    assert table.unknown("ollama", "anything") is None
    assert cost_usd(Usage(1_000_000, 1_000_000), table.price("openai", "gpt-x")) == 3.0


def test_roles_and_one_notice_per_unknown_price() -> None:
    settings = Settings(
        plan_model="anthropic:claude-sonnet-4-5",
        generate_models="ollama:qwen2.5-coder:7b, openrouter:x/y, openrouter:x/y",
        apply_fallback="ollama:fast-apply",
    )
    models = build_models(settings)
    assert models.router.timeout_s == 120 and build_models(Settings(model_timeout_s=600)).router.timeout_s == 600
    assert models.roles.generate == ("ollama:qwen2.5-coder:7b", "openrouter:x/y", "openrouter:x/y")
    assert models.roles.apply_fallback == "ollama:fast-apply"
    assert len(models.notices) == 1 and "openrouter:x/y" in models.notices[0]


def test_a_provider_may_have_its_own_timeout() -> None:
    """A local model on a CPU needs minutes where a hosted one answers in seconds: the provider's entry wins."""
    settings = merge(Settings(model_timeout_s=60), {"providers": {"ollama": {"timeoutS": 900}}}, "editor")
    assert settings.problems == ()
    router = build_models(settings).router
    slow, hosted = router.provider("ollama"), router.provider("anthropic")
    assert (slow.timeout_s, slow.transport.timeout_s) == (900, 900)  # type: ignore[attr-defined]
    assert (hosted.timeout_s, hosted.transport.timeout_s) == (60, 60)  # type: ignore[attr-defined]


def test_the_deprecated_apply_llm_settings_name_an_apply_fallback() -> None:
    settings = Settings(
        apply_llm_url="http://127.0.0.1:11434/v1", apply_llm_model="fast", plan_model="a", generate_models="b"
    )
    assert roles(settings).apply_fallback == "apply-llm:fast"
    point = endpoint("apply-llm", provider_table(settings))
    assert point.base_url == "http://127.0.0.1:11434/v1" and point.local and not point.tools


def test_missing_keys_are_found_before_a_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    models = build_models(Settings(plan_model="claude-sonnet-4-5", generate_models="ollama:q,openai:gpt-4.1"))
    missing = models.missing_keys()
    assert len(missing) == 2 and "ANTHROPIC_API_KEY" in missing[0] and "OPENAI_API_KEY" in missing[1]


TOOLS = (Tool("edit_file", "Edit.", {"type": "object"}), Tool("create_file", "Create.", {"type": "object"}))


@pytest.mark.parametrize(
    ("text", "calls"),
    [
        ('```json\n{"tool": "edit_file", "input": {"path": "a.py", "sketch": "x"}}\n```', [("edit_file", "a.py")]),
        ('{"tool": "edit_file", "input": {"path": "a.py"}}', [("edit_file", "a.py")]),
        (
            "```\n"
            + json.dumps([{"tool": "edit_file", "input": {"path": "a"}}, {"tool": "create_file", "input": {}}])
            + "\n```",
            [("edit_file", "a"), ("create_file", None)],
        ),
    ],
)
def test_text_protocol_reads_fenced_calls(text: str, calls: list[tuple[str, str | None]]) -> None:
    parsed = parse_calls(text, ModelRequest("m", "s", "p", tools=TOOLS))
    assert [(c.name, c.input.get("path")) for c in parsed] == calls


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("I changed the file.", "no fenced JSON block"),
        ('```json\n{"tool": "edit_file", "input": {"path": \n```', "does not parse"),
        ('```json\n{"tool": "run_shell", "input": {}}\n```', "'run_shell', which it was not offered"),
        ('```json\n{"name": "edit_file"}\n```', '"tool" name'),
        ('```json\n{"tool": "edit_file", "input": "a.py"}\n```', "not an object"),
        ('```json\n{"tool": "create_file", "input": {}}\n```', "did not call edit_file"),
    ],
)
def test_text_protocol_malformed_replies_say_why(text: str, words: str) -> None:
    with pytest.raises(ModelError) as info:
        parse_calls(text, ModelRequest("m", "s", "p", tools=TOOLS, force_tool="edit_file"))
    assert info.value.kind == "malformed" and words in info.value.message and "edit_file" in info.value.message
