"""The one place that builds a run's models from the settings: each role's spec, one provider per endpoint (its
SDK transport inside the shared policy), prices, and what the user must be told (missing keys, unknown prices).

``ModelRouter`` is itself a ``ModelProvider``: the pipeline sends every request to it with a spec as the model name,
and it routes the request to the provider the spec names, with the bare model name.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from polyedit.config import Settings
from polyedit.models.policy import RetryPolicy
from polyedit.models.pricing import Price, PriceTable, price_from_setting
from polyedit.models.specs import PRESETS, Endpoint, ModelSpec, endpoint, parse_spec
from polyedit.models.types import ModelError, ModelReply, ModelRequest, Transport

log = logging.getLogger(__name__)

LEGACY_APPLY_PROVIDER = "apply-llm"  # the endpoint the deprecated apply_llm_url setting names


@dataclass(frozen=True)
class Roles:
    """Which model does what: specs as the user wrote them (a bare name is an Anthropic model)."""

    plan: str
    generate: tuple[str, ...]  # the cascade, cheap first
    apply_fallback: str | None  # the LLM tier the structural merge hands its refusals to

    def all(self) -> list[tuple[str, str]]:
        named = [("plan", self.plan), *(("generate", g) for g in self.generate)]
        return named + ([("apply_fallback", self.apply_fallback)] if self.apply_fallback else [])


def provider_table(settings: Settings) -> dict[str, Any]:
    """The ``providers`` setting, plus the endpoint the deprecated ``apply_llm_url`` stands for."""
    table = dict(settings.providers)
    if settings.apply_llm_url and LEGACY_APPLY_PROVIDER not in table:
        table[LEGACY_APPLY_PROVIDER] = {"base_url": settings.apply_llm_url, "local": True, "tools": False}
    return table


def roles(settings: Settings) -> Roles:
    """The configured specs; the installed Anthropic SDK is asked for default names only where none is set."""
    cascade = tuple(m.strip() for m in settings.generate_models.split(",") if m.strip())
    defaults: dict[str, str] = {}
    if not settings.plan_model or not cascade:
        from polyedit.models.catalog import default_models

        defaults = default_models()
    return Roles(
        plan=settings.plan_model.strip() or defaults["strong"],
        generate=cascade or (defaults["cheap"], defaults["strong"]),
        apply_fallback=fallback_spec(settings),
    )


def fallback_spec(settings: Settings) -> str | None:
    """The apply_fallback role, or the model the deprecated apply_llm_url/apply_llm_model name."""
    if settings.apply_fallback.strip():
        return settings.apply_fallback.strip()
    if settings.apply_llm_url and settings.apply_llm_model:
        return f"{LEGACY_APPLY_PROVIDER}:{settings.apply_llm_model}"
    return None


def price_table(settings: Settings, providers: Mapping[str, Any]) -> PriceTable:
    configured: dict[str, Price] = {}
    for spec, value in settings.prices.items():
        configured[spec] = price_from_setting(value)
    local = {name for name, preset in PRESETS.items() if preset.local}
    local |= {name for name, entry in providers.items() if isinstance(entry, dict) and entry.get("local")}
    return PriceTable(configured, local)


def make_transport(point: Endpoint, timeout_s: float) -> Transport:
    # Imported here so that a run that uses one SDK does not pay for importing the other.
    if point.kind == "anthropic":
        from polyedit.models.anthropic_provider import AnthropicTransport

        return AnthropicTransport(point, timeout_s)
    from polyedit.models.openai_provider import OpenAITransport

    return OpenAITransport(point, timeout_s)


class ModelRouter:
    def __init__(
        self, providers: Mapping[str, Any], prices: PriceTable, timeout_s: float = 120.0, **policy: Any
    ) -> None:
        self.providers = dict(providers)
        self.prices = prices
        self.timeout_s = timeout_s
        self.policy = policy  # RetryPolicy's max_attempts, backoff_s, max_tokens_cap (tests make backoff 0)
        self._made: dict[str, RetryPolicy] = {}
        self._told: set[str] = set()

    def spec(self, text: str) -> ModelSpec:
        return parse_spec(text, self.providers)

    def endpoint(self, name: str) -> Endpoint:
        return endpoint(name, self.providers)

    def provider(self, name: str) -> RetryPolicy:
        if name not in self._made:
            try:
                point = self.endpoint(name)
            except LookupError as exc:
                raise ModelError("bad_request", str(exc)) from exc
            timeout_s = point.timeout_s or self.timeout_s  # the provider's own allowance wins over the run's
            self._made[name] = RetryPolicy(
                make_transport(point, timeout_s),
                lambda model: self.prices.price(name, model),
                timeout_s=timeout_s,
                **self.policy,
            )
        return self._made[name]

    async def complete(self, request: ModelRequest) -> ModelReply:
        spec = self.spec(request.model)
        reply = await self.provider(spec.provider).complete(replace(request, model=spec.model))
        unknown = self.price_notice(spec)
        if unknown:
            log.warning("%s", unknown)
        return replace(reply, model=request.model, notes=(*reply.notes, unknown) if unknown else reply.notes)

    def price_notice(self, spec: ModelSpec) -> str | None:
        """That ``spec`` has no known price and is counted high: said the first time only."""
        unknown = self.prices.unknown(spec.provider, spec.model)
        if unknown is None or str(spec) in self._told:
            return None
        self._told.add(str(spec))
        return unknown

    def missing_keys(self, specs: list[str]) -> list[str]:
        problems: list[str] = []
        for text in specs:
            try:
                problem = self.endpoint(self.spec(text).provider).missing_key()
            except LookupError as exc:
                problem = str(exc)
            if problem and problem not in problems:
                problems.append(problem)
        return problems


@dataclass
class RunModels:
    router: ModelRouter
    roles: Roles
    notices: tuple[str, ...]  # told once per run's start: unknown prices

    def missing_keys(self) -> list[str]:
        """Why a run cannot start: a key a role's provider needs is not set, or a provider is unknown."""
        return self.router.missing_keys([spec for _, spec in self.roles.all()])


def build_router(settings: Settings, timeout_s: float | None = None, **policy: Any) -> ModelRouter:
    """``timeout_s`` defaults to the ``model_timeout_s`` setting."""
    providers = provider_table(settings)
    timeout = float(settings.model_timeout_s) if timeout_s is None else timeout_s
    return ModelRouter(providers, price_table(settings, providers), timeout, **policy)


def build_models(settings: Settings, timeout_s: float | None = None, **policy: Any) -> RunModels:
    router = build_router(settings, timeout_s, **policy)
    chosen = roles(settings)
    notices = [notice for _, text in chosen.all() if (notice := router.price_notice(router.spec(text)))]
    return RunModels(router, chosen, tuple(notices))


@dataclass(frozen=True)
class RoleCheck:
    role: str
    spec: str
    ok: bool
    detail: str


async def check_roles(models: RunModels, timeout_s: float = 3.0) -> list[RoleCheck]:
    """For each role: its provider, model and endpoint, and whether the endpoint answers a models-list call (no
    code is sent). Every check is bounded by ``timeout_s``, so a server that never answers cannot hang it."""
    checks = []
    for role, text in models.roles.all():
        spec = models.router.spec(text)
        try:
            point = models.router.endpoint(spec.provider)
        except LookupError as exc:
            checks.append(RoleCheck(role, text, False, str(exc)))
            continue
        where = f"provider {spec.provider}, model {spec.model}, {point.base_url or 'the SDK default URL'}"
        missing = point.missing_key()
        if missing:
            checks.append(RoleCheck(role, text, False, f"{where}: {missing}"))
            continue
        transport = models.router.provider(spec.provider).transport
        try:
            async with asyncio.timeout(timeout_s + 1):
                listed = await transport.list_models(timeout_s)
        except ModelError as error:
            checks.append(RoleCheck(role, text, False, f"{where}: {error.message}"))
            continue
        except TimeoutError:
            checks.append(RoleCheck(role, text, False, f"{where}: no answer within {timeout_s:g} s"))
            continue
        known = "" if spec.model in listed else f"; {spec.model} is not in its list of {len(listed)} models"
        checks.append(RoleCheck(role, text, True, f"{where}: answers{known}"))
    return checks
