"""Typed configuration with defaults.

Settings come from ``[tool.polyedit]`` in the workspace's ``pyproject.toml`` or from ``polyedit.toml``, then from
the client (``initializationOptions`` / ``workspace/configuration``). A value of the wrong type never stops anything:
it is reported in ``Settings.problems`` and the default is kept.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

DEFAULT_EMBEDDING_MODEL = "all-MiniLM-L6-v2"


@dataclass(frozen=True)
class Settings:
    """Everything the index and server read. Field names are the configuration keys (snake_case)."""

    embedding_model: str = DEFAULT_EMBEDDING_MODEL
    max_file_size_bytes: int = 1024 * 1024
    chunk_max_tokens: int = 200
    debounce_ms: int = 150
    embed_batch_size: int = 32
    context_token_budget: int = 6000
    generate_file_token_budget: int = 4000  # files larger than this are shown to generate calls focused
    cache_dir: str = ""
    apply_llm_url: str = ""  # OpenAI-compatible base URL of a local fast-apply model; empty = second tier off
    apply_llm_model: str = ""
    apply_llm_timeout_s: int = 60
    plan_model: str = ""  # empty: the SDK's newest Sonnet-class model
    generate_models: str = ""  # comma-separated cascade, cheap first; empty: newest Haiku-class, then Sonnet-class
    max_cost_usd: float = 2.0
    max_tokens_per_run: int = 400_000
    keep_traces: int = 100  # run traces kept in the cache directory (the newest)
    confirm_changes: bool = True  # review every edit before it lands (deletions and control files: always)
    problems: tuple[str, ...] = field(default=(), compare=False)

    def cache_path(self) -> Path:
        if self.cache_dir:
            return Path(self.cache_dir).expanduser()
        env = os.environ.get("POLYEDIT_CACHE_DIR")
        if env:
            return Path(env).expanduser()
        return Path(platformdirs.user_cache_dir("polyedit"))


_FIELDS = {f.name: f for f in dataclasses.fields(Settings) if f.name != "problems"}
# Read when the index opens; a change reaches the server only after a restart.
RESTART_KEYS = frozenset(
    {"embedding_model", "max_file_size_bytes", "chunk_max_tokens", "embed_batch_size", "cache_dir"}
)
# Keys in the editor's "polyedit" section that only the editor extension reads.
CLIENT_KEYS = frozenset({"server", "trace", "save_after_edit"})
_MINIMUMS = {
    "max_file_size_bytes": 1,
    "chunk_max_tokens": 32,
    "debounce_ms": 0,
    "embed_batch_size": 1,
    "apply_llm_timeout_s": 1,
    "max_tokens_per_run": 1,
    "generate_file_token_budget": 200,
    "keep_traces": 1,
}


def _camel_to_snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")


def merge(base: Settings, overrides: dict[str, Any] | None, source: str) -> Settings:
    """Return ``base`` updated with ``overrides``; invalid entries are reported and ignored.

    Keys may be snake_case or camelCase (editors send camelCase). Unknown keys are reported too, so a typo is seen.
    """
    if not overrides:
        return base
    if not isinstance(overrides, dict):
        return dataclasses.replace(
            base,
            problems=(
                *base.problems,
                f"{source}: expected a table of settings, got {type(overrides).__name__}",
            ),
        )
    values: dict[str, Any] = {}
    problems = list(base.problems)
    for raw_key, value in overrides.items():
        key = _camel_to_snake(str(raw_key))
        spec = _FIELDS.get(key)
        if key in CLIENT_KEYS:
            continue
        if spec is None:
            problems.append(f"{source}: unknown setting '{raw_key}' (ignored)")
            continue
        default = getattr(base, key)
        expected = type(default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
        if ok and expected is int and value < _MINIMUMS.get(key, value):
            ok = False
        if not ok:
            problems.append(
                f"{source}: setting '{raw_key}' must be {expected.__name__}"
                f"{' >= ' + str(_MINIMUMS[key]) if key in _MINIMUMS else ''}, got {value!r}; using {default!r}"
            )
            continue
        values[key] = value
    return dataclasses.replace(base, **values, problems=tuple(problems))


def load_workspace_settings(root: Path) -> Settings:
    """Read ``polyedit.toml`` or ``[tool.polyedit]`` from ``pyproject.toml`` at the workspace root."""
    settings = Settings()
    for name, table_path in (("pyproject.toml", ("tool", "polyedit")), ("polyedit.toml", ())):
        path = root / name
        if not path.is_file():
            continue
        try:
            data: Any = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            settings = dataclasses.replace(settings, problems=(*settings.problems, f"{name}: unreadable ({exc})"))
            continue
        for key in table_path:
            data = data.get(key, {}) if isinstance(data, dict) else {}
        settings = merge(settings, data, name)
    return settings
