"""Default model names, taken from the installed SDK's own model list and never from its deprecated table."""

from __future__ import annotations

import re
import typing

from anthropic.types import ModelParam

try:  # the table moved between SDK versions
    from anthropic.resources.messages.messages import DEPRECATED_MODELS
except ImportError:  # pragma: no cover - older or newer SDK layouts
    DEPRECATED_MODELS = {}


def known_models() -> list[str]:
    literal = next(arg for arg in typing.get_args(ModelParam) if typing.get_origin(arg) is typing.Literal)
    return [m for m in typing.get_args(literal) if m not in DEPRECATED_MODELS]


def newest(family: str) -> str:
    """The newest undated model of a family (haiku, sonnet, opus), by the version numbers in its name."""
    names = [m for m in known_models() if f"-{family}-" in m and not re.search(r"\d{8}$", m)]
    if not names:
        raise LookupError(f"the installed anthropic SDK lists no {family} model")
    return max(names, key=lambda m: [int(n) for n in re.findall(r"\d+", m)])


def default_models() -> dict[str, str]:
    """Cheap tier first (Haiku-class), then Sonnet-class; Opus-class for planning when the user opts in."""
    return {"cheap": newest("haiku"), "strong": newest("sonnet"), "plan_strong": newest("opus")}
