"""The optional second tier: an LLM asked for the merged file when the structural merge refuses (the
``apply_fallback`` role; any provider, e.g. a local fast-apply model on Ollama). Its answer passes the same checks
as a structural merge (``api.check_llm_merge``), so it cannot deliver what those would refuse.

This module stays pure: the prompt, reading the answer, and the ``LlmMerger`` shape ``apply_sketch`` calls. The
model call itself is ``pipeline/fallback.py``'s, through the shared providers.
"""

from __future__ import annotations

import re
from importlib.resources import files
from typing import Protocol

from polyedit.apply.types import ApplyRefused

PROMPT = files("polyedit.apply").joinpath("prompts/llm_apply.txt").read_text(encoding="utf-8")
_FENCE = re.compile(r"```[^\n]*\n(.*?)\n?```", re.DOTALL)


class LlmMerger(Protocol):
    def merge(self, path: str, original: str, sketch: str) -> str:
        """The merged file as the model writes it; ``ApplyRefused`` (kind "llm") on any failure."""
        ...


def merge_prompt(path: str, original: str, sketch: str) -> str:
    return f"File {path}:\n```\n{original}```\n\nEdit:\n```\n{sketch}```"


def read_merged(path: str, original: str, content: str) -> str:
    """The merged file out of the model's answer (its fenced block, or the whole answer)."""
    if not content.strip():
        raise refused(path, "the apply model answered with nothing")
    fenced = _FENCE.search(content)
    merged = fenced.group(1) if fenced else content
    return merged if merged.endswith("\n") or not original.endswith("\n") else merged + "\n"


def refused(path: str, reason: str) -> ApplyRefused:
    return ApplyRefused(path, reason, None, kind="llm")
