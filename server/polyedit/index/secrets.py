"""Secrets inside ordinary files (an AWS key in ``settings.py``, a password in a compose file) never reach a model, a
search answer or a trace: the index stores masked text, and prompts show masked text; an edit is merged into the
masked text and the secrets are put back before anything is written.

Detection is detect-secrets' (Yelp): its line detectors (AWS, Azure, GitHub, GitLab, Slack, Stripe, OpenAI, npm,
PyPI, JWT, basic-auth URLs, private keys, keyword assignments such as ``password = "…"``, …) with its default
filters, less one (``_configure``). Its two entropy detectors are left out: they flag every hash in a lock file and
cost most of the time.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass

from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class
from detect_secrets.core.potential_secret import PotentialSecret
from detect_secrets.core.scan import _is_filtered_out, _scan_line
from detect_secrets.plugins.base import BasePlugin, RegexBasedDetector
from detect_secrets.plugins.keyword import DENYLIST as KEYWORDS
from detect_secrets.settings import get_plugins, get_settings
from detect_secrets.util.code_snippet import get_code_snippet

# A detector may report part of a token (GitHub's reports its prefix): the whole run of token characters goes.
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9_\-+/=.~]*")
# Bump when a change masks more or other text: the index file's name carries it (``store.workspace_db_path``), so
# chunks masked by older rules are neither kept nor served.
MASKING_VERSION = 1
_MIN_SECRET_CHARS = 4  # shorter findings are too common to mask (and say nothing on their own)
_GLOBAL_SECRET_CHARS = 8  # a secret this long is masked wherever else it stands in the file, too
# Formats detect-secrets' detectors do not know, as a supplement to them (group 1 is the secret): tokens with a
# well-known prefix, the password in a URL, a private key written on one line, and quoted values or shell exports
# of names that say what they hold.
SUPPLEMENT = (
    re.compile(r"\b(sk-ant-[A-Za-z0-9_\-]{20,})"),
    re.compile(r"\b(github_pat_[A-Za-z0-9_]{22,})"),
    re.compile(r"\b(hf_[A-Za-z0-9]{30,})"),
    re.compile(r"\b(SG\.[A-Za-z0-9_\-]{16,}\.[A-Za-z0-9_\-]{16,})"),
    re.compile(r"\b(npm_[A-Za-z0-9]{36})"),
    re.compile(r"[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s/:@'\"]*:([^\s@'\"/]+)@"),
    re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----(.+?)-----END [A-Z ]*PRIVATE KEY-----"),
    re.compile(
        r"\b[A-Za-z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|AUTH)[A-Za-z0-9_]*\s*[:=]\s*[\"']([^\"'\s${<]{8,})[\"']",
        re.IGNORECASE,
    ),
    re.compile(r"^\s*export\s+[A-Za-z0-9_]*(?:PASSWORD|SECRET|TOKEN|KEY)[A-Za-z0-9_]*=[\"']?([^\s\"'${<]{8,})"),
)


class SecretCopied(ValueError):
    """An edit would put a masked secret where the file did not have it: a model may move a secret, never copy it."""


_configured = threading.Lock()
_ready = False
_plugins: list[BasePlugin] = []
_prefilter: list[re.Pattern[str]] = []  # a line none of these match cannot hold a detector's finding
# Regex detectors whose own analysis was read and still finds only through their patterns (detect-secrets 1.5):
# any other that overrides it (a later version's) sees every line.
_CHECKED_OVERRIDES = frozenset({"JwtTokenDetector"})


def _configure() -> None:
    """detect-secrets keeps its settings in a process-wide object: set them once, before the first scan."""
    global _ready
    with _configured:
        if _ready:
            return
        detectors: list[type] = list(get_mapping_from_secret_type_to_class().values())
        names = sorted(detector.__name__ for detector in detectors)
        get_settings().configure_plugins([{"name": n} for n in names if "HighEntropy" not in n])
        # It drops any secret on a line that also calls a function, e.g. Stripe("sk_live_…"): a missed secret costs
        # more than a masked call.
        get_settings().disable_filters("detect_secrets.filters.heuristic.is_indirect_reference")
        _plugins[:] = get_plugins()
        _prefilter[:] = [re.compile("|".join(KEYWORDS), re.IGNORECASE)]
        for plugin in _plugins:
            kind = type(plugin)
            plain = all(
                getattr(kind, method) is getattr(RegexBasedDetector, method)
                for method in ("analyze_line", "analyze_string")
            )
            if isinstance(plugin, RegexBasedDetector) and (plain or kind.__name__ in _CHECKED_OVERRIDES):
                _prefilter.extend(plugin.denylist)
            elif kind.__name__ != "KeywordDetector":  # a detector we know nothing of sees every line
                _prefilter[:] = [re.compile("")]
                break
        _ready = True


def _detect(path: str, lines: list[str]) -> Iterator[PotentialSecret]:
    """detect-secrets' line scan (``core.scan._process_line_based_plugins``, the same filters in the same order),
    on the lines that can hold a finding only: a regex detector finds nothing where its own patterns do not match,
    and the keyword detector nothing without one of its keywords. 10-20 times faster on ordinary code."""
    for number, raw in enumerate(lines, start=1):
        if not any(pattern.search(raw) for pattern in _prefilter):
            continue
        line = raw.rstrip()
        context = get_code_snippet(lines=lines, line_number=number)
        if _is_filtered_out(required_filter_parameters=["line"], filename=path, line=line, context=context):
            continue
        for plugin in _plugins:
            for secret in _scan_line(plugin=plugin, filename=path, line=line, line_number=number, context=context):
                if not _is_filtered_out(
                    required_filter_parameters=["context"],
                    filename=secret.filename,
                    secret=secret.secret_value,
                    plugin=plugin,
                    line=line,
                    context=context,
                ):
                    yield secret


@dataclass(frozen=True)
class Masked:
    """A file's text with every secret replaced by a numbered placeholder, and what each placeholder stands for."""

    original: str
    text: str
    secrets: tuple[str, ...]  # secrets[n - 1] is what placeholder n stands for
    label: str = "secret"  # placeholders read «label-n»; the label is one the file does not hold already

    def placeholder(self, n: int) -> str:
        return f"«{self.label}-{n}»"

    def hide(self, text: str) -> str:
        """``text`` (e.g. a sketch written against the real file) with this file's secrets replaced too."""
        for n, secret in sorted(enumerate(self.secrets, 1), key=lambda item: -len(item[1])):
            text = text.replace(secret, self.placeholder(n))
        return text

    def unmask(self, text: str) -> str:
        """Put the secrets back into text derived from ``self.text``. Raises ``SecretCopied`` when the text holds a
        placeholder more often than the masked file did (a model copying a secret somewhere new)."""
        for n, secret in enumerate(self.secrets, 1):
            mark = self.placeholder(n)
            if text.count(mark) > self.text.count(mark):
                raise SecretCopied(f"the edit copies the masked secret {mark} to a new place")
            text = text.replace(mark, secret)
        return text


_FOUND_CACHE_SIZE = 8192  # files; an entry is a digest and (nearly always) an empty tuple
_found: OrderedDict[tuple[str, bytes], tuple[tuple[int, str], ...]] = OrderedDict()
_found_lock = threading.Lock()


def find_secrets(path: str, text: str) -> list[tuple[int, str]]:
    """(0-based line, secret) for every secret found: detect-secrets' detectors, then ``SUPPLEMENT``; a private
    key's body is one secret per line. Scanning costs ~0.1 ms a line, and the index has already scanned what the
    pipeline later masks, so findings are remembered by content (never written anywhere)."""
    key = (path, hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).digest())
    with _found_lock:
        if key in _found:
            _found.move_to_end(key)
            return list(_found[key])
    found = _scan(path, text)
    with _found_lock:
        _found[key] = tuple(found)
        if len(_found) > _FOUND_CACHE_SIZE:
            _found.popitem(last=False)
    return found


def _scan(path: str, text: str) -> list[tuple[int, str]]:
    _configure()
    lines = text.split("\n")
    found: list[tuple[int, str]] = []
    for secret in _detect(path, lines):
        index = (secret.line_number or 1) - 1
        value = secret.secret_value or ""
        if secret.type == "Private Key":
            found += _key_block(lines, index)
        elif len(value) >= _MIN_SECRET_CHARS or secret.type == "GitHub Token":
            found += [(index, token) for token in _whole_tokens(lines[index], value)]
    for index, line in enumerate(lines):
        for pattern in SUPPLEMENT:
            found += [(index, m.group(1)) for m in pattern.finditer(line) if len(m.group(1)) >= _MIN_SECRET_CHARS]
    return list(dict.fromkeys(found))


def mask(path: str, text: str) -> Masked:
    """``text`` with each secret replaced where it was found, and a long secret (8+ characters) wherever else it
    stands too. A short finding is masked only where found: a test's ``password="secret"`` must not hide every
    ``secret`` in the file."""
    found = find_secrets(path, text)
    if not found:
        return Masked(text, text, ())
    label = "secret"
    while f"«{label}-" in text:  # the file holds our placeholder's form already: pick one it does not
        label += "x"
    numbers: dict[str, int] = {}
    lines = text.split("\n")
    for index, secret in sorted(found, key=lambda f: (f[0], -len(f[1]))):
        n = numbers.setdefault(secret, len(numbers) + 1)
        lines[index] = lines[index].replace(secret, f"«{label}-{n}»")
    masked = Masked(text, "\n".join(lines), tuple(numbers), label)
    long_ones = [(n, s) for s, n in numbers.items() if len(s) >= _GLOBAL_SECRET_CHARS]
    masked_text = masked.text
    for n, secret in sorted(long_ones, key=lambda item: -len(item[1])):
        masked_text = masked_text.replace(secret, masked.placeholder(n))
    return Masked(text, masked_text, tuple(numbers), label)


def _whole_tokens(line: str, value: str) -> list[str]:
    tokens = []
    start = line.find(value)
    while start >= 0:
        left = start
        while left > 0 and _TOKEN_CHARS.fullmatch(line[left - 1]):
            left -= 1
        end = start + len(value)
        end += len(_TOKEN_CHARS.match(line, end).group(0))  # type: ignore[union-attr]
        tokens.append(line[left:end])
        start = line.find(value, end)
    return tokens


def _key_block(lines: list[str], begin: int) -> list[tuple[int, str]]:
    """The lines of a PEM private key after its BEGIN line, up to its END line."""
    out = []
    for index in range(begin + 1, len(lines)):
        if "END" in lines[index] and "PRIVATE KEY" in lines[index]:
            break
        body = lines[index].strip().strip("\"',\\n")
        if len(body) >= _MIN_SECRET_CHARS:
            out.append((index, body))
    return out
