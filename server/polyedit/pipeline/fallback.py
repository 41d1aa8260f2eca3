"""The ``apply_fallback`` role: ask a model (any provider) for the merged file when the structural merge refuses.

The pipeline awaits ``llm_merge`` inside a run (budget and trace included); ``polyedit apply`` uses
``ProviderMerger``, the same call made synchronous for ``apply_sketch``'s second tier.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from polyedit.apply.llm_tier import PROMPT, merge_prompt, read_merged, refused
from polyedit.models.types import ModelError, ModelProvider, ModelReply, ModelRequest

Ask = Callable[[ModelRequest], Awaitable[ModelReply]]


async def llm_merge(ask: Ask, model: str, path: str, original: str, sketch: str) -> str:
    """The merged file as ``model`` writes it; ``ApplyRefused`` (kind "llm") when the call or its answer fails."""
    # The whole file comes back: room for all of it, and more, within the policy's cap.
    max_tokens = min(32_000, (len(original) + len(sketch)) // 3 + 1024)
    request = ModelRequest(model, PROMPT, merge_prompt(path, original, sketch), max_tokens=max_tokens)
    try:
        reply = await ask(request)
    except ModelError as error:
        raise refused(path, error.message) from error
    return read_merged(path, original, reply.text)


class ProviderMerger:
    """``LlmMerger`` for synchronous callers (the ``polyedit apply`` command): one event loop per merge."""

    def __init__(self, provider: ModelProvider, model: str) -> None:
        self.provider = provider
        self.model = model

    def merge(self, path: str, original: str, sketch: str) -> str:
        return asyncio.run(llm_merge(self.provider.complete, self.model, path, original, sketch))
