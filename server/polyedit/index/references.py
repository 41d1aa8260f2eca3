"""Where an identifier is used: every line of the indexed workspace that holds it as a whole word.

The planner asks this (its ``find_references`` tool) to name every file a change must touch: the callers of a
renamed function, the tests of a changed class. The lexical index finds the chunks holding the identifier in any of
its spellings (``fetch_user``, ``fetchUser`` index alike); the lines are then matched exactly, case and all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from polyedit.index.store import IndexStore
from polyedit.index.tokens import lexical_terms

CANDIDATE_CHUNKS = 2000  # chunks read for one identifier; a name used in more chunks than this is not a reference
LINE_CHARS = 200  # of one line shown: a minified line is hundreds of KB, cut around the use ('…' at a cut edge)
_IDENTIFIER = re.compile(r"[^\W\d][\w$]*|\$[\w$]*")  # a letter (any script: π, ñame), '_' or '$' first
_QUALIFIER = re.compile(r"\.|::|->|#")  # what joins a qualifier to a member: Python/JS, Rust/C++/PHP, C/PHP, Ruby docs


@dataclass(frozen=True)
class Reference:
    path: str
    line: int  # 1-based
    text: str


def find_references(store: IndexStore, name: str, limit: int) -> tuple[list[Reference], int, bool]:
    """The first ``limit`` lines holding ``name`` as a whole word (by path, then line), how many there are in all,
    and whether the search was cut at CANDIDATE_CHUNKS (then both are of the chunks read only: a short name is a
    part of many identifiers, ``render`` of every ``renderItem``, and the real uses may be among those not read).
    A qualified name looks for its last part, in any language's spelling: ``Repo.load``, ``Repo::load``,
    ``obj->load``, ``Repo#load``, ``load()``, ``load<T>``, ``load!`` look for ``load``, ``Foo::~Foo`` for ``Foo``.
    Raises ValueError for a name that is not an identifier."""
    word = _QUALIFIER.split(_bare(name.strip()))[-1].lstrip("~")
    if not _IDENTIFIER.fullmatch(word):
        raise ValueError(f"'{name}' is not an identifier")
    terms = lexical_terms(word).split()
    if not terms:  # $, _: the lexical index holds no term for them, and "(no uses)" would be wrong
        raise ValueError(f"'{name}' has no letter or digit to look up by; search_code can find it")
    hits = store.lexical(terms[:1], CANDIDATE_CHUNKS)
    pattern = re.compile(rf"(?<![\w$]){re.escape(word)}(?![\w$])")
    found: dict[tuple[str, int], str] = {}
    for row in store.chunks(i for i, _ in hits):
        for offset, line in enumerate(row.text.split("\n")):
            used = pattern.search(line.strip()) if word in line else None
            if used is not None:
                found[(row.path, row.start_line + offset)] = _around(line.strip(), used.start())
    ordered = sorted(found.items())
    shown = [Reference(path, line, text) for (path, line), text in ordered[:limit]]
    return shown, len(ordered), len(hits) >= CANDIDATE_CHUNKS


def _bare(name: str) -> str:
    """``name`` without what follows an identifier in a call or a generic's use: ``()``, ``<T, Vec<u8>>``, or
    Ruby's ``?``/``!``."""
    while True:
        if name.endswith("()") or name.endswith(("?", "!")):
            name = name.removesuffix("()") if name.endswith("()") else name[:-1]
        elif name.endswith(">") and not name.endswith("->"):
            depth, at = 0, len(name) - 1
            while at >= 0:
                depth += {">": 1, "<": -1}.get(name[at], 0)
                if depth == 0:
                    break
                at -= 1
            if at <= 0:
                return name
            name = name[:at].rstrip(":")  # Vec::<u8>
        else:
            return name


def _around(line: str, at: int) -> str:
    if len(line) <= LINE_CHARS:
        return line
    start = max(0, min(at - LINE_CHARS // 2, len(line) - LINE_CHARS))
    end = start + LINE_CHARS
    return ("…" if start else "") + line[start:end] + ("…" if end < len(line) else "")
