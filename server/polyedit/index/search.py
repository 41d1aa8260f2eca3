"""Hybrid retrieval: lexical and dense rankings fused by reciprocal rank, boosted, deduplicated, packed.

The constants are measured: bench/retrieval.py reports them on a docstring set and on a set of real changes
(bench/build_change_cases.py); a change here is kept only when it lifts the change set without lowering the
docstring set.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any, Literal

from polyedit.index.store import ChunkRow
from polyedit.index.tokens import estimate_tokens, query_terms, split_identifier

Mode = Literal["hybrid", "lexical", "dense"]
RRF_K = 60
# Chunks taken from each ranking. At 50 a gold file of a real change sat just outside the pool too often (change set
# recall@10 0.78 -> 0.80 at 100; docstring set unchanged); the extra rows cost well under a millisecond.
CANDIDATES = 100
# The dense ranking's weight in the fusion: the model places a described change better than BM25 does, and equal
# weights let lexical agreement push its best answers down (change set recall@10 0.80 -> 0.82, docstring MRR
# 0.79 -> 0.80).
DENSE_WEIGHT = 1.5
OPEN_FILE_BOOST = 1.15
RECENT_EDIT_BOOST = 1.1
NAME_MATCH_BOOST = 0.25  # per share of query terms found in the path or symbol
# Changelogs, READMEs and other prose repeat the words of an instruction about code and crowded out the code they
# describe: they keep this share of their score unless the query is about documentation (change set MRR
# 0.72 -> 0.76, recall@1 0.37 -> 0.40; docstring set unchanged).
PROSE_FACTOR = 0.4
PROSE_SUFFIXES = (".md", ".markdown", ".rst", ".txt", ".adoc")
PROSE_NAMES = ("changelog", "changes", "history", "news", "readme", "license", "licence", "authors", "contributing")
DOC_WORDS = frozenset(
    {"doc", "docs", "documentation", "document", "documented", "readme", "changelog", "typo", "typos", "wording"}
)
_WORD = re.compile(r"[a-z]+")
# An instruction often asks for several things at once ("Fix X; add Y. Also Z"), and one ranking of the whole tends to
# find the files of its loudest part only. Each sentence or ;-separated clause is also searched alone, and a chunk
# scores its whole-query score plus PART_WEIGHT times its best score for any one part (change set hybrid recall@1 /
# @10 / MRR 0.395 / 0.786 / 0.764 -> 0.408 / 0.802 / 0.781, TypeScript recall@10 0.692 -> 0.751; lexical alone
# 0.374 / 0.722 / 0.720 -> 0.373 / 0.740 / 0.713, dense alone 0.357 / 0.782 / 0.718 -> 0.354 / 0.795 / 0.721; the
# docstring set, one sentence a query, is unchanged). Replaying the same rankings offline: weights 0.5-1.5 all gave
# hybrid recall@10 0.802-0.804 (1.0 is the plain sum); splitting at semicolons only, 0.400 / 0.800 / 0.777. Not
# tuned on, a scratch run of 150 two-sentence queries made of docstring-set pairs (gold: both files): hybrid recall@1 /
# @10 / MRR 0.427 / 0.967 / 0.827 -> 0.447 / 0.980 / 0.851. A query of three parts takes about twice as long.
PART_WEIGHT = 1.0
MAX_PARTS = 8  # an embedding and a lexical query each; a long text's first clauses
_PART_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|;\s+")


@dataclass(frozen=True)
class SearchResult:
    path: str
    start_line: int
    end_line: int
    symbol: str | None
    score: float
    text: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[int]], k: int = RRF_K, weights: Sequence[float] | None = None
) -> dict[int, float]:
    """Score each id by the sum of weight / (k + rank) over the rankings it appears in (rank starts at 1)."""
    scores: dict[int, float] = {}
    for index, ranking in enumerate(rankings):
        weight = 1.0 if weights is None else weights[index]
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return scores


def is_prose(path: str) -> bool:
    """Documentation rather than code: Markdown/reST/text files, and extension-less CHANGES, LICENSE and the like
    (a ``history.py`` is code)."""
    name = path.rsplit("/", 1)[-1].lower()
    return name.endswith(PROSE_SUFFIXES) or ("." not in name and name.startswith(PROSE_NAMES))


def about_documentation(query: str) -> bool:
    """Whether the instruction itself is about documentation (then prose keeps its full score)."""
    return not DOC_WORDS.isdisjoint(_WORD.findall(query.lower()))


def name_match_share(terms: Collection[str], row: ChunkRow) -> float:
    """Share of the query's terms that appear among the parts of the chunk's path or symbol."""
    if not terms:
        return 0.0
    names = _names(row.path, row.symbol)
    return sum(1 for t in terms if t in names) / len(terms)


@lru_cache(maxsize=50_000)
def _names(path: str, symbol: str | None) -> frozenset[str]:
    # A query of several parts ranks each chunk once per part: its names are split once.
    names: set[str] = set()
    for part in [*path.replace(".", "/").split("/"), symbol or ""]:
        for word in part.replace(".", " ").split():
            names.update(split_identifier(word))
            names.add(word.lower())
    return frozenset(names)


def query_parts(query: str) -> list[str]:
    """The sentences and ;-separated clauses of a query that has several (at most MAX_PARTS), each with a lexical
    term; [] for a one-part query."""
    parts = list(dict.fromkeys(p for p in (part.strip() for part in _PART_SPLIT.split(query)) if query_terms(p)))
    return parts[:MAX_PARTS] if len(parts) > 1 else []


def merge_parts(
    whole: Sequence[tuple[ChunkRow, float]], parts: Sequence[Sequence[tuple[ChunkRow, float]]]
) -> list[tuple[ChunkRow, float]]:
    """Each chunk's score for the whole query plus PART_WEIGHT times its best score for one part; best first."""
    rows = {row.id: row for ranking in (whole, *parts) for row, _ in ranking}
    total = {row.id: score for row, score in whole}
    best: dict[int, float] = {}
    for ranking in parts:
        for row, score in ranking:
            best[row.id] = max(best.get(row.id, 0.0), score)
    for chunk_id, score in best.items():
        total[chunk_id] = total.get(chunk_id, 0.0) + PART_WEIGHT * score
    merged = [(rows[i], score) for i, score in total.items()]
    merged.sort(key=lambda pair: (-pair[1], pair[0].path, pair[0].start_line))
    return merged


def rank(
    query: str,
    lexical: Sequence[int],
    dense: Sequence[int],
    rows: dict[int, ChunkRow],
    *,
    open_paths: Collection[str] = (),
    recent_paths: Collection[str] = (),
    unembedded: Collection[int] = (),
    mode: Mode = "hybrid",
) -> list[tuple[ChunkRow, float]]:
    """Fuse the rankings allowed by ``mode`` and apply the boosts; best first.

    A chunk still waiting for its embedding cannot be in the dense ranking; in hybrid mode it counts there at its
    lexical rank instead, so a function typed a moment ago is not pushed down by older, embedded neighbours.
    Prose files (docs, changelogs) keep PROSE_FACTOR of their score unless the query is about documentation.
    """
    weighted = {
        "hybrid": [(lexical, 1.0), (dense, DENSE_WEIGHT)],
        "lexical": [(lexical, 1.0)],
        "dense": [(dense, 1.0)],
    }[mode]
    present = [(ranking, weight) for ranking, weight in weighted if ranking]
    fused = reciprocal_rank_fusion([r for r, _ in present], weights=[w for _, w in present])
    if mode == "hybrid" and dense:
        for position, chunk_id in enumerate(lexical, start=1):
            if chunk_id in unembedded:
                fused[chunk_id] += DENSE_WEIGHT / (RRF_K + position)
    terms = set(query_terms(query))
    prose_factor = 1.0 if about_documentation(query) else PROSE_FACTOR
    scored = []
    for chunk_id, score in fused.items():
        row = rows.get(chunk_id)
        if row is None:
            continue
        boost = 1.0 + NAME_MATCH_BOOST * name_match_share(terms, row)
        if is_prose(row.path):
            boost *= prose_factor
        if row.path in open_paths:
            boost *= OPEN_FILE_BOOST
        if row.path in recent_paths:
            boost *= RECENT_EDIT_BOOST
        scored.append((row, score * boost))
    scored.sort(key=lambda pair: (-pair[1], pair[0].path, pair[0].start_line))
    return scored


def select(scored: Sequence[tuple[ChunkRow, float]], k: int, token_budget: int | None = None) -> list[SearchResult]:
    """The top ``k`` results with overlapping ranges of one file removed, within an optional token budget."""
    chosen: list[SearchResult] = []
    spent = 0
    for row, score in scored:
        if len(chosen) >= k:
            break
        if any(r.path == row.path and r.start_line <= row.end_line and row.start_line <= r.end_line for r in chosen):
            continue
        cost = estimate_tokens(row.text)
        if token_budget is not None and spent + cost > token_budget:
            continue
        spent += cost
        chosen.append(SearchResult(row.path, row.start_line, row.end_line, row.symbol, round(score, 6), row.text))
    return chosen
