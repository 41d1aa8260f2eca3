"""Default model names, taken from the installed SDK's own model list and never from its deprecated table."""

from __future__ import annotations

import importlib
import re
import typing
from collections.abc import Mapping

from anthropic.types import ModelParam

# The SDK keeps its deprecation table in a private module that has moved between releases; read it from
# wherever this release has it rather than importing a private name that the next release may drop.
_DEPRECATED_TABLE_MODULES = ("anthropic._data", "anthropic.resources.messages.messages")


def deprecated_models() -> Mapping[str, str]:
    """Model name -> end-of-life date, as the installed SDK lists them."""
    for module_name in _DEPRECATED_TABLE_MODULES:
        try:
            table = getattr(importlib.import_module(module_name), "DEPRECATED_MODELS", None)
        except ImportError:
            continue
        if isinstance(table, Mapping):
            return table
    raise LookupError("the installed anthropic SDK has no DEPRECATED_MODELS table where polyedit looks for it")


def known_models() -> list[str]:
    literal = next(arg for arg in typing.get_args(ModelParam) if typing.get_origin(arg) is typing.Literal)
    deprecated = deprecated_models()
    return [m for m in typing.get_args(literal) if m not in deprecated]


def newest(family: str) -> str:
    """The newest undated model of a family (haiku, sonnet, opus), by the version numbers in its name."""
    names = [m for m in known_models() if f"-{family}-" in m and not re.search(r"\d{8}$", m)]
    if not names:
        raise LookupError(f"the installed anthropic SDK lists no {family} model")
    return max(names, key=lambda m: [int(n) for n in re.findall(r"\d+", m)])


def default_models() -> dict[str, str]:
    """Cheap tier first (Haiku-class), then Sonnet-class. An Opus-class planner is the user's choice (plan_model)."""
    return {"cheap": newest("haiku"), "strong": newest("sonnet")}
