"""Identifier-aware tokens for the lexical index, and a token estimate for sizing chunks.

``fetchUserName``, ``fetch_user_name`` and ``FetchUserName`` all index as ``fetch user name`` (plus the whole
identifier), so a query "fetch user" matches each of them.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")
# Splits camelCase, PascalCase, acronyms (HTTPServer -> HTTP Server) and digits.
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_MODEL_PIECE = re.compile(r"[A-Za-z]+|\d+|[^\sA-Za-z\d]")


def split_identifier(word: str) -> list[str]:
    """The lower-case parts of one identifier: ``getHTTPResponse_v2`` -> ``get http response v 2``."""
    parts: list[str] = []
    for piece in word.split("_"):
        parts.extend(m.group(0).lower() for m in _CAMEL.finditer(piece))
    return parts


def lexical_terms(text: str) -> str:
    """Text for the FTS5 index: each identifier followed by its parts when it has more than one."""
    out: list[str] = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        parts = split_identifier(word) if word.isascii() else [word.lower()]
        joined = word.lower().replace("_", "")
        if len(parts) > 1:
            out.append(joined)
        out.extend(parts)
    return " ".join(out)


def query_terms(query: str) -> list[str]:
    """Distinct lexical terms of a query, in order."""
    seen: dict[str, None] = {}
    for term in lexical_terms(query).split():
        seen.setdefault(term, None)
    return list(seen)


def estimate_tokens(text: str) -> int:
    """A fast upper-leaning estimate of WordPiece tokens for code (MiniLM reads at most 256).

    Calibrated on real Python/JS: words of up to 6 letters are about one token, longer ones one per ~4 letters,
    every punctuation mark one.
    """
    total = 0
    for match in _MODEL_PIECE.finditer(text):
        piece = match.group(0)
        total += 1 + (len(piece) - 3) // 4 if len(piece) > 6 else 1
    return total
