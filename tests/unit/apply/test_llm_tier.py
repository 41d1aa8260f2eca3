"""The apply model's LLM tier (the apply_fallback role) through a provider, against a loopback OpenAI-compatible
server."""

from __future__ import annotations

import pytest
from polyedit.apply import ApplyRefused, apply_sketch
from polyedit.config import Settings
from polyedit.models.registry import ModelRouter, price_table
from polyedit.pipeline.fallback import ProviderMerger

from tests.fakes.openai_server import Chat, fake_openai

ORIGINAL = "def a():\n    x = compute()\n    return x\n\n\ndef b():\n    x = compute()\n    return x\n"
AMBIGUOUS = "# ... existing code ...\n    x = compute()\n    return x + 1\n# ... existing code ...\n"
MERGED = ORIGINAL.replace("    return x\n\n\ndef b", "    return x + 1\n\n\ndef b")


def merger(url: str, model: str = "fast-apply") -> ProviderMerger:
    providers = {"local": {"base_url": url, "local": True, "tools": False}}
    router = ModelRouter(providers, price_table(Settings(), providers), 5, max_attempts=2, backoff_s=0.0)
    return ProviderMerger(router, f"local:{model}")


def test_structural_refusal_goes_to_the_llm_and_its_answer_is_checked() -> None:
    with fake_openai([Chat.text(f"```python\n{MERGED}```")]) as (url, state):
        result = apply_sketch("m.py", ORIGINAL, AMBIGUOUS, llm=merger(url))
    assert result.tier == "llm" and result.text == MERGED
    assert state.requests[0]["model"] == "fast-apply" and AMBIGUOUS in state.requests[0]["messages"][-1]["content"]


def test_structural_success_never_calls_the_llm() -> None:
    with fake_openai([]) as (url, state):
        result = apply_sketch("m.py", ORIGINAL, "# ...\ndef b():\n    x = compute()\n    return 2\n", llm=merger(url))
    assert result.tier == "structural" and state.requests == []


@pytest.mark.parametrize(
    ("reply", "words"),
    [
        (Chat.text("```python\ndef a():\n    # ... existing code ...\n```"), "marker"),
        (Chat.text("```python\n" + MERGED.replace("return x + 1", "return (x + 1") + "```"), "syntax error"),
        (Chat.text("```python\ndef a():\n    pass\n```"), "would remove"),
        (Chat.text(""), "answered with nothing"),
        (Chat.failure(400, "boom"), "HTTP 400"),
        (Chat(status=400, error=b"not json"), "HTTP 400"),
    ],
)
def test_bad_llm_answers_are_refused_with_both_reasons(reply: Chat, words: str) -> None:
    with fake_openai([reply]) as (url, _), pytest.raises(ApplyRefused) as info:
        apply_sketch("m.py", ORIGINAL, AMBIGUOUS, llm=merger(url))
    assert "ambiguous anchor" in info.value.reason and "local apply model failed too" in info.value.reason
    assert words in info.value.reason


def test_unreachable_llm_server_is_a_clear_refusal() -> None:
    with fake_openai([]) as (url, _):
        pass  # closed again at once: nothing listens there now
    with pytest.raises(ApplyRefused) as info:
        apply_sketch("m.py", ORIGINAL, AMBIGUOUS, llm=merger(url))
    assert f"cannot reach local at {url}" in info.value.reason
