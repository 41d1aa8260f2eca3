"""What a call costs: USD per million tokens, by model family; a provider may be given exact prices per model name."""

from __future__ import annotations

from dataclasses import dataclass

from polyedit.models.types import Usage


@dataclass(frozen=True)
class Price:
    input: float
    output: float
    cache_write: float  # writing the prompt cache
    cache_read: float  # reading from it


# List prices per million tokens, by family. No setting sets prices yet; ``overrides`` (a provider's ``prices``)
# is where exact per-model prices go once one does.
FAMILY_PRICES = {
    "haiku": Price(1.0, 5.0, 1.25, 0.10),
    "sonnet": Price(3.0, 15.0, 3.75, 0.30),
    "opus": Price(5.0, 25.0, 6.25, 0.50),
}
UNKNOWN = Price(15.0, 75.0, 18.75, 1.50)  # unknown models are priced high, so budgets stay safe


def price_for(model: str, overrides: dict[str, Price] | None = None) -> Price:
    if overrides and model in overrides:
        return overrides[model]
    for family, price in FAMILY_PRICES.items():
        if family in model:
            return price
    return UNKNOWN


def cost_usd(model: str, usage: Usage, overrides: dict[str, Price] | None = None) -> float:
    p = price_for(model, overrides)
    total = (
        usage.input_tokens * p.input
        + usage.output_tokens * p.output
        + usage.cache_write_tokens * p.cache_write
        + usage.cache_read_tokens * p.cache_read
    )
    return round(total / 1_000_000, 6)
