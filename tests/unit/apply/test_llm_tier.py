"""The optional local-LLM apply tier, against a loopback OpenAI-compatible server."""

from __future__ import annotations

import socket

import pytest
from polyedit.apply import ApplyRefused, apply_sketch
from polyedit.apply.llm_tier import LlmApplyClient

from tests.fakes.openai_server import completion, fake_openai

ORIGINAL = "def a():\n    x = compute()\n    return x\n\n\ndef b():\n    x = compute()\n    return x\n"
AMBIGUOUS = "# ... existing code ...\n    x = compute()\n    return x + 1\n# ... existing code ...\n"
MERGED = ORIGINAL.replace("    return x\n\n\ndef b", "    return x + 1\n\n\ndef b")


def test_structural_refusal_goes_to_the_llm_and_its_answer_is_checked() -> None:
    with fake_openai([completion(f"```python\n{MERGED}```")]) as (url, received):
        result = apply_sketch("m.py", ORIGINAL, AMBIGUOUS, llm=LlmApplyClient(url, "fast-apply"))
    assert result.tier == "llm" and result.text == MERGED
    assert received[0]["model"] == "fast-apply" and AMBIGUOUS in received[0]["messages"][1]["content"]


def test_structural_success_never_calls_the_llm() -> None:
    with fake_openai([]) as (url, received):
        result = apply_sketch(
            "m.py", ORIGINAL, "# ...\ndef b():\n    x = compute()\n    return 2\n", llm=LlmApplyClient(url, "m")
        )
    assert result.tier == "structural" and received == []


@pytest.mark.parametrize(
    ("reply", "words"),
    [
        (completion("```python\ndef a():\n    # ... existing code ...\n```"), "marker"),
        (completion("```python\n" + MERGED.replace("return x + 1", "return (x + 1") + "```"), "syntax error"),
        (completion("```python\ndef a():\n    pass\n```"), "would remove"),
        (completion(""), "answered with nothing"),
        ((500, {"error": "boom"}), "HTTP 500"),
        ((200, b"not json"), "malformed answer"),
        ((200, {"choices": []}), "malformed answer"),
    ],
)
def test_bad_llm_answers_are_refused_with_both_reasons(reply: tuple[int, object], words: str) -> None:
    with fake_openai([reply]) as (url, _), pytest.raises(ApplyRefused) as info:
        apply_sketch("m.py", ORIGINAL, AMBIGUOUS, llm=LlmApplyClient(url, "m"))
    assert "ambiguous anchor" in info.value.reason and "local apply model failed too" in info.value.reason
    assert words in info.value.reason


def test_unreachable_llm_server_is_a_clear_refusal() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again at once: nothing listens there
    with pytest.raises(ApplyRefused) as info:
        apply_sketch("m.py", ORIGINAL, AMBIGUOUS, llm=LlmApplyClient(f"http://127.0.0.1:{port}/v1", "m", 5))
    assert "unreachable" in info.value.reason
