"""Model specs (``provider:model``) and where each provider is: presets, the user's ``providers`` table, the
environment.

A spec's first ``:`` separates the provider from the model, whose name may hold more (``ollama:qwen2.5-coder:7b``);
a prefix that names no known provider is part of an Anthropic model name, as before providers existed. Base URLs and
key variables come from the ``providers`` setting (which ``config.py`` accepts only from the user's config file, the
environment or the editor, never from a workspace file), then ``POLYEDIT_<NAME>_BASE_URL`` (and the SDKs' own
``ANTHROPIC_BASE_URL`` / ``OPENAI_BASE_URL``), then the preset.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

Kind = Literal["anthropic", "openai"]


@dataclass(frozen=True)
class Endpoint:
    """Where one provider's calls go and how they are authenticated (the key itself is read only when calling)."""

    name: str
    kind: Kind  # which SDK speaks to it
    base_url: str | None  # None: the SDK's default
    key_env: str  # the environment variable holding the key ("" when none is read)
    key_required: bool
    local: bool  # runs on the user's machine: free, and no key
    tools: bool = True  # native tool calling; False: the text protocol (models/text_protocol.py)
    timeout_s: float | None = None  # one attempt's allowance at this provider; None: the run's (model_timeout_s)

    def key(self) -> str | None:
        return os.environ.get(self.key_env) or None if self.key_env else None

    def missing_key(self) -> str | None:
        """What to tell the user when the key this provider needs is not set, else None."""
        if not self.key_required or self.key():
            return None
        return (
            f"{self.key_env} is not set, and the {self.name} provider needs it: export {self.key_env}=... "
            "(or set it in your editor's polyedit settings). Without it, polyedit index, search and apply still work."
        )


PRESETS: dict[str, Endpoint] = {
    "anthropic": Endpoint("anthropic", "anthropic", None, "ANTHROPIC_API_KEY", True, False),
    "openai": Endpoint("openai", "openai", "https://api.openai.com/v1", "OPENAI_API_KEY", True, False),
    "openrouter": Endpoint("openrouter", "openai", "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY", True, False),
    "gemini": Endpoint(
        "gemini", "openai", "https://generativelanguage.googleapis.com/v1beta/openai/", "GEMINI_API_KEY", True, False
    ),
    "ollama": Endpoint("ollama", "openai", "http://127.0.0.1:11434/v1", "", False, True),
    "vllm": Endpoint("vllm", "openai", "http://127.0.0.1:8000/v1", "VLLM_API_KEY", False, True),
    "llamacpp": Endpoint("llamacpp", "openai", "http://127.0.0.1:8080/v1", "LLAMACPP_API_KEY", False, True),
    "lmstudio": Endpoint("lmstudio", "openai", "http://127.0.0.1:1234/v1", "", False, True),
}
_SDK_BASE_URL_ENV = {"anthropic": "ANTHROPIC_BASE_URL", "openai": "OPENAI_BASE_URL"}


@dataclass(frozen=True)
class ModelSpec:
    provider: str
    model: str

    def __str__(self) -> str:
        return f"{self.provider}:{self.model}"


def parse_spec(text: str, providers: Mapping[str, Any] | None = None) -> ModelSpec:
    """``provider:model``; a bare name, or one whose prefix is no known provider, is an Anthropic model."""
    text = text.strip()
    prefix, sep, rest = text.partition(":")
    if sep and rest and (prefix in PRESETS or prefix in (providers or {})):
        return ModelSpec(prefix, rest)
    return ModelSpec("anthropic", text)


def endpoint(name: str, providers: Mapping[str, Any] | None = None) -> Endpoint:
    """The endpoint of provider ``name``: its configured entry over the environment over its preset."""
    entry = dict((providers or {}).get(name) or {})
    preset = PRESETS.get(name)
    if preset is None:
        if not entry.get("base_url"):
            raise LookupError(f"unknown provider '{name}': add providers.{name} with a base_url to your config")
        preset = Endpoint(name, "openai", None, "", False, False)
    env_url = os.environ.get(f"POLYEDIT_{name.upper().replace('-', '_')}_BASE_URL")
    if name in _SDK_BASE_URL_ENV:
        env_url = env_url or os.environ.get(_SDK_BASE_URL_ENV[name])
    key_env = str(entry.get("api_key_env", preset.key_env))
    local = bool(entry.get("local", preset.local))
    return replace(
        preset,
        kind="anthropic" if entry.get("kind", preset.kind) == "anthropic" else "openai",
        base_url=str(entry.get("base_url") or env_url or preset.base_url or "") or None,
        key_env=key_env,
        # A key variable named for a custom provider is needed; a local server needs none unless it says so.
        key_required=preset.key_required or (name not in PRESETS and bool(key_env) and not local),
        local=local,
        tools=bool(entry.get("tools", preset.tools)),
        timeout_s=float(entry["timeout_s"]) if "timeout_s" in entry else preset.timeout_s,
    )
