"""Typed configuration with defaults.

Settings come from the user's config file (``config.toml`` in ``platformdirs.user_config_dir("polyedit")``, or
``$POLYEDIT_CONFIG_DIR``), then ``[tool.polyedit]`` in the workspace's ``pyproject.toml`` or ``polyedit.toml``, then
the client (``initializationOptions`` / ``workspace/configuration``). A value of the wrong type never stops anything:
it is reported in ``Settings.problems`` and the default is kept. Where code is sent, what runs and what is spent
(``WORKSPACE_FORBIDDEN``) is never taken from a workspace file unless the user trusts that workspace.
"""

from __future__ import annotations

import dataclasses
import math
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
    embedding_runtime: str = "onnx"  # the bundled model as int8 ONNX; "torch": sentence-transformers (other models)
    max_file_size_bytes: int = 1024 * 1024
    chunk_max_tokens: int = 200
    debounce_ms: int = 150
    embed_batch_size: int = 32
    context_token_budget: int = 6000
    generate_file_token_budget: int = 4000  # files larger than this are shown to generate calls focused
    cache_dir: str = ""
    apply_llm_url: str = ""  # deprecated: a providers entry and apply_fallback say the same
    apply_llm_model: str = ""  # deprecated, with apply_llm_url
    apply_llm_timeout_s: int = 60
    plan_model: str = ""  # a spec (provider:model); empty: the Anthropic SDK's newest Sonnet-class model
    generate_models: str = ""  # comma-separated cascade of specs, cheap first; empty: newest Haiku, then Sonnet
    apply_fallback: str = ""  # spec of the LLM the structural merge hands its refusals to; empty: none
    providers: dict[str, Any] = field(
        default_factory=dict
    )  # name -> {base_url, api_key_env, kind, tools, local, timeout_s}
    prices: dict[str, Any] = field(default_factory=dict)  # spec -> {input, output, cache_read?, cache_write?}
    model_timeout_s: int = 120  # one model call's attempt, any provider (a local model on a CPU may need more)
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
    {"embedding_model", "embedding_runtime", "max_file_size_bytes", "chunk_max_tokens", "embed_batch_size", "cache_dir"}
)
# Keys in the editor's "polyedit" section that only the editor extension reads.
CLIENT_KEYS = frozenset({"server", "trace", "save_after_edit"})
# Settings a cloned repository must not choose until the user trusts it (``polyedit trust``): where the user's code
# is sent and with which key, where polyedit writes, what code it loads, and what the user spends. An untrusted
# workspace file's value is ignored and reported.
# The roles are among them: a preset provider counts as set up as soon as its key is in the environment, so a role
# named by a repository could send the code to any hosted provider the user has a key for.
WORKSPACE_FORBIDDEN = frozenset(
    {
        "providers", "apply_llm_url", "apply_llm_model", "plan_model", "generate_models", "apply_fallback",
        "cache_dir", "embedding_model", "prices", "max_cost_usd", "max_tokens_per_run", "keep_traces",
        "confirm_changes",
    }
)  # fmt: skip
DEPRECATED = {
    "apply_llm_url": 'apply_llm_url/apply_llm_model are deprecated: set apply_fallback = "ollama:<model>" (or a '
    'providers entry with the URL, in your user config or editor settings, and apply_fallback = "<name>:<model>")',
}
DEPRECATED["apply_llm_model"] = DEPRECATED["apply_llm_url"]
_MINIMUMS = {
    "max_file_size_bytes": 1,
    "chunk_max_tokens": 32,
    "debounce_ms": 0,
    "embed_batch_size": 1,
    "apply_llm_timeout_s": 1,
    "model_timeout_s": 5,
    "max_tokens_per_run": 1,
    "generate_file_token_budget": 200,
    "keep_traces": 1,
}

_CHOICES = {"embedding_runtime": ("onnx", "torch")}


def _camel_to_snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")


def workspace_may_set(key: str) -> bool:
    """Whether a file inside a workspace the user has not trusted may set ``key``."""
    return key not in WORKSPACE_FORBIDDEN


def trust_list_path() -> Path:
    """The user's list of trusted workspaces: one real path a line, beside the user config file."""
    return user_config_path().with_name("trusted-workspaces.txt")


def is_trusted(root: Path) -> bool:
    try:
        lines = trust_list_path().read_text(encoding="utf-8").split("\n")
    except OSError:
        return False
    return str(root.resolve()) in lines  # exact lines: a path with spaces at its end is its own entry


def trust(root: Path) -> Path:
    """Add ``root`` (its real path) to the user's trusted workspaces; returns the list's path."""
    path = trust_list_path()
    if any(c in str(root.resolve()) for c in "\n\r"):
        raise ValueError(f"{root!r}: a path with a line break cannot be trusted")
    if not is_trusted(root):
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"{root.resolve()}\n")
    return path


def user_config_path() -> Path:
    env = os.environ.get("POLYEDIT_CONFIG_DIR")
    return (
        Path(env).expanduser() / "config.toml"
        if env
        else Path(platformdirs.user_config_dir("polyedit")) / "config.toml"
    )


def merge(base: Settings, overrides: dict[str, Any] | None, source: str, from_workspace: bool = False) -> Settings:
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
        if from_workspace and not workspace_may_set(key):
            problems.append(
                f"{source}: setting '{raw_key}' ignored: an untrusted repository cannot choose where your code is "
                f"sent, what runs or what you spend; set it in {user_config_path()} or your editor's settings, or "
                "trust this workspace with 'polyedit trust'"
            )
            continue
        if key in DEPRECATED and DEPRECATED[key] not in problems:
            problems.append(DEPRECATED[key])
        default = getattr(base, key)
        expected = type(default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
        if ok and expected is int and value < _MINIMUMS.get(key, value):
            ok = False
        if ok and key in _CHOICES and value not in _CHOICES[key]:
            choices = ", ".join(_CHOICES[key])
            problems.append(f"{source}: setting '{raw_key}' must be one of {choices}, got {value!r}; using {default!r}")
            continue
        if not ok:
            problems.append(
                f"{source}: setting '{raw_key}' must be {expected.__name__}"
                f"{' >= ' + str(_MINIMUMS[key]) if key in _MINIMUMS else ''}, got {value!r}; using {default!r}"
            )
            continue
        if isinstance(value, dict):
            checked = _check_table(key, value, source, problems)
            # Tables merge by entry: the editor adds to the user's providers. A provider's entry merges key by key
            # (the editor's {ollama = {timeout_s = 600}} keeps the user's base_url for it); a price is replaced whole.
            if key == "providers":
                checked = {name: {**default.get(name, {}), **entry} for name, entry in checked.items()}
            value = {**default, **checked}
        values[key] = value
    return dataclasses.replace(base, **values, problems=tuple(problems))


def _check_table(key: str, table: dict[str, Any], source: str, problems: list[str]) -> dict[str, Any]:
    """The valid entries of ``providers`` or ``prices``; each bad one is reported and left out."""
    kept: dict[str, Any] = {}
    for name, entry in table.items():
        entry = {_camel_to_snake(str(k)): v for k, v in entry.items()} if isinstance(entry, dict) else entry
        if key == "providers":
            wrong = _provider_problem(entry)
        else:
            numbers = isinstance(entry, dict) and all(
                isinstance(v, int | float) and not isinstance(v, bool) and v >= 0 for v in entry.values()
            )
            ok = numbers and {"input", "output"} <= set(entry) <= {"input", "output", "cache_read", "cache_write"}
            wrong = None if ok else "must be {input = USD, output = USD} per million tokens (cache_read, cache_write)"
        if wrong:
            problems.append(f"{source}: {key}.{name} {wrong}; ignored")
        else:
            kept[str(name)] = entry
    return kept


def _provider_problem(entry: Any) -> str | None:
    types = {"base_url": str, "api_key_env": str, "kind": str, "tools": bool, "local": bool, "timeout_s": float}
    if not isinstance(entry, dict):
        return 'must be a table such as {base_url = "http://127.0.0.1:8000/v1"}'
    for name, value in entry.items():
        if name not in types:
            return f"has an unknown key '{name}' (known: {', '.join(types)})"
        if name == "timeout_s":
            low = _MINIMUMS["model_timeout_s"]
            if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value < math.inf:
                return f"key 'timeout_s' must be a number of seconds, at least {low}"
        elif not isinstance(value, types[name]):
            return f"key '{name}' must be {types[name].__name__}"
    if entry.get("kind", "openai") not in ("openai", "anthropic"):
        return 'key \'kind\' must be "openai" or "anthropic"'
    return None


def load_user_settings() -> Settings:
    """The user's own config file: the one file that may say where code is sent (providers, base URLs)."""
    path = user_config_path()
    if not path.is_file():
        return Settings()
    return _merge_file(Settings(), path, (), str(path), from_workspace=False)


def load_workspace_settings(root: Path) -> Settings:
    """The user's config, then ``[tool.polyedit]`` from ``pyproject.toml`` and ``polyedit.toml`` at the root."""
    settings = load_user_settings()
    untrusted = not is_trusted(root)
    for name, table_path in (("pyproject.toml", ("tool", "polyedit")), ("polyedit.toml", ())):
        path = root / name
        if path.is_file():
            settings = _merge_file(settings, path, table_path, name, from_workspace=untrusted)
    return settings


def _merge_file(
    settings: Settings, path: Path, table_path: tuple[str, ...], name: str, from_workspace: bool
) -> Settings:
    try:
        data: Any = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return dataclasses.replace(settings, problems=(*settings.problems, f"{name}: unreadable ({exc})"))
    for key in table_path:
        data = data.get(key, {}) if isinstance(data, dict) else {}
    return merge(settings, data, name, from_workspace)
