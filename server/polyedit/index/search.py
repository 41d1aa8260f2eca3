"""Hybrid retrieval: lexical and dense rankings fused by reciprocal rank, boosted, deduplicated, packed."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

from polyedit.index.store import ChunkRow
from polyedit.index.tokens import estimate_tokens, query_terms, split_identifier

Mode = Literal["hybrid", "lexical", "dense"]
RRF_K = 60
CANDIDATES = 50
OPEN_FILE_BOOST = 1.15
RECENT_EDIT_BOOST = 1.1
NAME_MATCH_BOOST = 0.25  # per share of query terms found in the path or symbol


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


def reciprocal_rank_fusion(rankings: Sequence[Sequence[int]], k: int = RRF_K) -> dict[int, float]:
    """Score each id by the sum of 1 / (k + rank) over the rankings it appears in (rank starts at 1)."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return scores


def name_match_share(terms: Collection[str], row: ChunkRow) -> float:
    """Share of the query's terms that appear among the parts of the chunk's path or symbol."""
    if not terms:
        return 0.0
    names: set[str] = set()
    for part in [*row.path.replace(".", "/").split("/"), row.symbol or ""]:
        for word in part.replace(".", " ").split():
            names.update(split_identifier(word))
            names.add(word.lower())
    return sum(1 for t in terms if t in names) / len(terms)


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
    """
    rankings = {"hybrid": [lexical, dense], "lexical": [lexical], "dense": [dense]}[mode]
    fused = reciprocal_rank_fusion([r for r in rankings if r])
    if mode == "hybrid" and dense:
        for position, chunk_id in enumerate(lexical, start=1):
            if chunk_id in unembedded:
                fused[chunk_id] += 1.0 / (RRF_K + position)
    terms = set(query_terms(query))
    scored = []
    for chunk_id, score in fused.items():
        row = rows.get(chunk_id)
        if row is None:
            continue
        boost = 1.0 + NAME_MATCH_BOOST * name_match_share(terms, row)
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
