"""What a call costs: USD per million tokens per model spec.

Prices come from the ``prices`` setting (``[tool.polyedit.prices]``, the user's config file or the editor: a spec
such as ``"openai:gpt-4.1"`` -> ``{input, output, cache_read?, cache_write?}``), then from the shipped defaults
below. Local providers (Ollama, vLLM, llama.cpp, LM Studio, or any provider configured ``local = true``) cost
nothing; the budget still counts their tokens. A hosted model with no known price is priced high so a budget stays
safe, and the user is told once (``PriceTable.unknown``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from polyedit.models.types import Usage


@dataclass(frozen=True)
class Price:
    input: float
    output: float
    cache_write: float  # writing the prompt cache
    cache_read: float  # reading from it


FREE = Price(0.0, 0.0, 0.0, 0.0)
# List prices per million tokens (2025). Anthropic by family, in the model name.
FAMILY_PRICES = {
    "haiku": Price(1.0, 5.0, 1.25, 0.10),
    "sonnet": Price(3.0, 15.0, 3.75, 0.30),
    "opus": Price(5.0, 25.0, 6.25, 0.50),
}
# OpenAI by model-name prefix, longest first; its prompt cache is automatic, so writing costs the input price.
OPENAI_PRICES = {
    "gpt-5-nano": Price(0.05, 0.40, 0.05, 0.005),
    "gpt-5-mini": Price(0.25, 2.0, 0.25, 0.025),
    "gpt-5": Price(1.25, 10.0, 1.25, 0.125),
    "gpt-4.1-nano": Price(0.10, 0.40, 0.10, 0.025),
    "gpt-4.1-mini": Price(0.40, 1.60, 0.40, 0.10),
    "gpt-4.1": Price(2.0, 8.0, 2.0, 0.50),
    "gpt-4o-mini": Price(0.15, 0.60, 0.15, 0.075),
    "gpt-4o": Price(2.50, 10.0, 2.50, 1.25),
    "o4-mini": Price(1.10, 4.40, 1.10, 0.275),
    "o3": Price(2.0, 8.0, 2.0, 0.50),
}
UNKNOWN = Price(15.0, 75.0, 18.75, 1.50)  # unknown hosted models are priced high, so budgets stay safe


def price_from_setting(value: Mapping[str, float]) -> Price:
    """A ``prices`` entry: ``input`` and ``output`` required, the cache prices default to input's."""
    base = float(value["input"])
    return Price(
        base,
        float(value["output"]),
        float(value.get("cache_write", base)),
        float(value.get("cache_read", base)),
    )


class PriceTable:
    """Prices per spec (``provider:model``): configured first, then defaults; ``local`` providers are free."""

    def __init__(self, configured: Mapping[str, Price] | None = None, local: Iterable[str] = ()) -> None:
        self.configured = dict(configured or {})
        self.local = frozenset(local)

    def lookup(self, provider: str, model: str) -> Price | None:
        spec = f"{provider}:{model}"
        if spec in self.configured:
            return self.configured[spec]
        if provider == "anthropic" and model in self.configured:  # a bare name means Anthropic, here too
            return self.configured[model]
        if provider in self.local:
            return FREE
        if provider == "anthropic":
            return next((p for family, p in FAMILY_PRICES.items() if family in model), None)
        if provider == "openai":
            return next((p for prefix, p in OPENAI_PRICES.items() if model.startswith(prefix)), None)
        return None

    def price(self, provider: str, model: str) -> Price:
        return self.lookup(provider, model) or UNKNOWN

    def unknown(self, provider: str, model: str) -> str | None:
        """The message telling the user a model is priced at the high default, or None when its price is known."""
        if self.lookup(provider, model) is not None:
            return None
        return (
            f"no price is known for {provider}:{model}: it is counted at ${UNKNOWN.input:g}/${UNKNOWN.output:g} per "
            f'million input/output tokens; set prices."{provider}:{model}" = {{input = ..., output = ...}}'
        )


def cost_usd(usage: Usage, price: Price) -> float:
    total = (
        usage.input_tokens * price.input
        + usage.output_tokens * price.output
        + usage.cache_write_tokens * price.cache_write
        + usage.cache_read_tokens * price.cache_read
    )
    return round(total / 1_000_000, 6)
