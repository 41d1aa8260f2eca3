"""What a generate call sees of a large file: the definitions its intent names, whole, and the rest as an outline.

A file within the token budget is shown whole. A larger one is shown as its header (imports), the definitions whose
name or header shares identifiers with the intent (whole, best first, within the budget, with the headers of the
definitions around them), and the header line of every other top-level definition; each run of lines left out
becomes one comment such as ``# ... 120 lines not shown ...``. A definition that contains, verbatim, an identifier
the intent names (``fetch_user``, ``loadUser``) is always shown whole, over the budget if need be: a rename must see
every use. The model then writes a lazy sketch, which the apply model anchors in the real file. When nothing in the
file matches the intent, the file is shown whole: focusing is only safe when we know what matters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from polyedit.apply.markers import comment_styles
from polyedit.apply.structure import Definition, Outline
from polyedit.index.tokens import estimate_tokens, query_terms

HEADER_MAX_LINES = 60  # of the module header (imports, constants) shown before the first definition
_CODE_WORD = re.compile(r"\b\w*(?:_\w|[a-z][A-Z])\w*\b")  # snake_case or camelCase: named code, not prose


@dataclass(frozen=True)
class FileView:
    text: str
    shown_lines: int
    total_lines: int

    @property
    def focused(self) -> bool:
        return self.shown_lines < self.total_lines


def focused_view(path: str, text: str, query: str, budget_tokens: int) -> FileView:
    lines = text.split("\n")
    total = len(text.splitlines())
    whole = FileView(text, total, total)
    if estimate_tokens(text) <= budget_tokens:
        return whole
    definitions = sorted(Outline(path, lines).definitions, key=lambda d: (d.start, -d.end))
    terms = {t for t in query_terms(query) if len(t) > 2}
    named = set(_CODE_WORD.findall(query))
    # Per line, once: which query terms it holds, and whether it uses a named identifier verbatim.
    hits = [_hits(line, terms) for line in lines]
    uses = [any(word in line and re.search(rf"\b{re.escape(word)}\b", line) for word in named) for line in lines]
    scored = [(_score(d, hits, uses), d) for d in definitions]
    relevant = sorted(
        ((score, d) for score, d in scored if score > 0), key=lambda item: (-item[0], item[1].end - item[1].start)
    )
    if not relevant:
        return whole

    shown: set[int] = set(range(min(HEADER_MAX_LINES, definitions[0].start if definitions else 0)))
    shown.update(d.start for d in definitions if d.header_indent == 0)  # the outline: top-level headers
    used = estimate_tokens("\n".join(lines[i] for i in sorted(shown)))
    added = False
    for score, definition in relevant:
        if all(row in shown for row in range(definition.start, definition.end + 1)):
            continue
        cost = estimate_tokens("\n".join(lines[definition.start : definition.end + 1]))
        if added and used >= budget_tokens and score < MUST_SHOW:
            break  # sorted best first: what is left is neither named nor affordable
        if added and used + cost > budget_tokens and score < MUST_SHOW:
            continue  # the best match, and every use of a named identifier, is shown even over the budget
        shown.update(range(definition.start, definition.end + 1))
        shown.update(d.start for d in definitions if d.start < definition.start and d.end >= definition.end)
        used, added = used + cost, True
    return FileView(_render(path, lines, shown), len([row for row in shown if row < total]), total)


MUST_SHOW = 1000.0


def _hits(line: str, terms: set[str]) -> set[str]:
    lower = line.lower()
    if not any(term in lower for term in terms):  # cheap test first: most lines share nothing with the query
        return set()
    return terms.intersection(query_terms(line))


def _score(definition: Definition, hits: list[set[str]], uses: list[bool]) -> float:
    """Shared terms in the header line (the name and signature) count ten times those in the body; a definition
    that uses an identifier the query names verbatim must be shown."""
    body = range(definition.start + 1, definition.end + 1)
    header_hits = len(hits[definition.start])
    if uses[definition.start] or any(uses[row] for row in body):
        return MUST_SHOW + 10 * header_hits
    body_hits: set[str] = set()
    for row in body:
        body_hits |= hits[row]
    return 10 * header_hits + len(body_hits) / 10


def _render(path: str, lines: list[str], shown: set[int]) -> str:
    opener = comment_styles(path)[0]
    closer = " */" if opener == "/*" else " -->" if opener == "<!--" else ""
    out: list[str] = []
    row = 0
    while row < len(lines):
        if row in shown:
            out.append(lines[row])
            row += 1
            continue
        start = row
        while row < len(lines) and row not in shown:
            row += 1
        hidden = lines[start:row]
        lead = next((i for i, line in enumerate(hidden) if line.strip()), len(hidden))
        trail = next((i for i, line in enumerate(reversed(hidden)) if line.strip()), len(hidden))
        if lead == len(hidden):  # only blank lines: they cost nothing and keep the layout readable
            out.extend(hidden)
            continue
        # blank lines around the hidden code stay, so definitions keep their separation
        first = hidden[lead]
        indent = first[: len(first) - len(first.lstrip())]
        out.extend(hidden[:lead])
        out.append(f"{indent}{opener} ... {len(hidden) - lead - trail} lines not shown ...{closer}")
        out.extend(hidden[len(hidden) - trail :])
    return "\n".join(out)
