"""Secrets inside ordinary files (an AWS key in ``settings.py``, a password in a compose file) never reach a model, a
search answer or a trace: the index stores masked text, and prompts show masked text; an edit is merged into the
masked text and the secrets are put back before anything is written.

Detection is detect-secrets' (Yelp): its line detectors (AWS, Azure, GitHub, GitLab, Slack, Stripe, OpenAI, npm,
PyPI, JWT, basic-auth URLs, private keys, keyword assignments such as ``password = "…"``, …) with its default
filters, less one (``_configure``). Its two entropy detectors are left out: they flag every hash in a lock file and
cost most of the time.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class
from detect_secrets.core.scan import _process_line_based_plugins
from detect_secrets.settings import get_settings

PLACEHOLDER = "«secret-{n}»"
_PLACEHOLDER_RE = re.compile(r"«secret-(\d+)»")
# A detector may report part of a token (GitHub's reports its prefix): the whole run of token characters goes.
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9_\-+/=.~]*")
_MIN_SECRET_CHARS = 4  # shorter findings are too common to mask (and say nothing on their own)
_configured = threading.Lock()
_ready = False


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
        _ready = True


@dataclass(frozen=True)
class Masked:
    """A file's text with every secret replaced by a numbered placeholder, and what each placeholder stands for."""

    original: str
    text: str
    secrets: tuple[str, ...]  # secrets[n - 1] is what «secret-n» stands for

    def unmask(self, text: str) -> str:
        """Put the secrets back into text derived from ``self.text`` (an unknown placeholder stays as it is)."""
        if not self.secrets:
            return text

        def restore(found: re.Match[str]) -> str:
            n = int(found.group(1))
            return self.secrets[n - 1] if 0 < n <= len(self.secrets) else found.group(0)

        return _PLACEHOLDER_RE.sub(restore, text)


def find_secrets(path: str, text: str) -> list[tuple[int, str]]:
    """(0-based line, secret) for every secret detect-secrets finds; a private key's body is one secret per line."""
    _configure()
    lines = text.split("\n")
    found: list[tuple[int, str]] = []
    for secret in _process_line_based_plugins(list(enumerate(lines, start=1)), path):
        index = (secret.line_number or 1) - 1
        value = secret.secret_value or ""
        if secret.type == "Private Key":
            found += _key_block(lines, index)
        elif len(value) >= _MIN_SECRET_CHARS or secret.type == "GitHub Token":
            found += [(index, token) for token in _whole_tokens(lines[index], value)]
    return list(dict.fromkeys(found))


def mask(path: str, text: str) -> Masked:
    """``text`` with each secret replaced where it was found (not elsewhere: a test's ``password="secret"`` must
    not hide every ``secret`` in the file)."""
    found = find_secrets(path, text)
    if not found:
        return Masked(text, text, ())
    numbers: dict[str, int] = {}
    lines = text.split("\n")
    for index, secret in sorted(found, key=lambda f: (f[0], -len(f[1]))):
        n = numbers.setdefault(secret, len(numbers) + 1)
        lines[index] = lines[index].replace(secret, PLACEHOLDER.format(n=n))
    return Masked(text, "\n".join(lines), tuple(numbers))


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
