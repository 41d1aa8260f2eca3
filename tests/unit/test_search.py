"""Fusion, boosts, deduplication and the token budget."""

from __future__ import annotations

import pytest
from polyedit.index.search import (
    DENSE_WEIGHT,
    MAX_PARTS,
    PART_WEIGHT,
    RRF_K,
    about_documentation,
    is_prose,
    merge_parts,
    query_parts,
    rank,
    reciprocal_rank_fusion,
    select,
)
from polyedit.index.store import ChunkRow


def row(i: int, path: str, start: int = 1, end: int = 5, symbol: str | None = None, text: str = "x") -> ChunkRow:
    return ChunkRow(i, path, start, end, symbol, path, text, f"h{i}")


def test_rrf_rewards_agreement() -> None:
    scores = reciprocal_rank_fusion([[1, 2, 3], [3, 1, 4]])
    assert scores[1] == 1 / (RRF_K + 1) + 1 / (RRF_K + 2)
    assert max(scores, key=lambda k: scores[k]) == 1
    assert scores[4] == 1 / (RRF_K + 3)


def test_modes_use_their_own_ranking() -> None:
    rows = {1: row(1, "a.py"), 2: row(2, "b.py")}
    assert [r.id for r, _ in rank("q", [1], [2], rows, mode="lexical")] == [1]
    assert [r.id for r, _ in rank("q", [1], [2], rows, mode="dense")] == [2]
    assert {r.id for r, _ in rank("q", [1], [2], rows, mode="hybrid")} == {1, 2}


def test_name_match_open_and_recent_boosts() -> None:
    rows = {1: row(1, "a.py"), 2: row(2, "billing/invoice.py", symbol="render_invoice")}
    # Same fused score (each first in one list): the path/symbol match decides.
    assert rank("invoice", [1, 2], [], rows, mode="lexical")[0][0].id == 2
    # Second place in one ranking, boosted, overtakes first place: open files and recent edits count.
    assert rank("zzz", [2, 1], [], rows, mode="lexical", open_paths={"a.py"})[0][0].id == 1
    assert rank("zzz", [1, 2], [], rows, mode="lexical", recent_paths={"billing/invoice.py"})[0][0].id == 2


def test_unembedded_chunk_counts_at_its_lexical_rank() -> None:
    rows = {1: row(1, "old.py"), 2: row(2, "new.py")}
    # Chunk 2 is first lexically but has no vector yet; chunk 1 is second lexically and first densely.
    assert rank("q", [2, 1], [1], rows)[0][0].id == 1
    assert rank("q", [2, 1], [1], rows, unembedded={2})[0][0].id == 2


def test_select_drops_overlaps_and_respects_budget() -> None:
    scored = [
        (row(1, "a.py", 1, 10, text="a " * 10), 0.9),
        (row(2, "a.py", 8, 20, text="b"), 0.8),  # overlaps chunk 1
        (row(3, "b.py", 1, 5, text="c " * 100), 0.7),  # too big for the budget
        (row(4, "c.py", 1, 5, text="d"), 0.6),
    ]
    assert [r.path for r in select(scored, k=10)] == ["a.py", "b.py", "c.py"]
    assert [r.path for r in select(scored, k=10, token_budget=50)] == ["a.py", "c.py"]
    assert [r.path for r in select(scored, k=1)] == ["a.py"]


def test_weighted_fusion() -> None:
    scores = reciprocal_rank_fusion([[1, 2], [2, 3]], weights=[1.0, 2.0])
    assert scores[2] == 1 / (RRF_K + 2) + 2 / (RRF_K + 1)
    assert scores[3] == 2 / (RRF_K + 2)


def test_dense_first_beats_lexical_first_in_hybrid() -> None:
    # Each is first in one ranking: the dense ranking weighs more (measured on real changes).
    rows = {1: row(1, "lexical_hit.py"), 2: row(2, "dense_hit.py")}
    assert DENSE_WEIGHT > 1
    assert [r.id for r, _ in rank("q", [1], [2], rows)] == [2, 1]


@pytest.mark.parametrize(
    ("path", "prose"),
    [
        ("README.md", True),
        ("docs/guide.rst", True),
        ("CHANGES", True),
        ("LICENSE", True),
        ("notes.txt", True),
        ("src/history.py", False),  # a code file named like a changelog is code
        ("lib/changes.js", False),
        ("Makefile", False),
        ("package.json", False),
    ],
)
def test_is_prose(path: str, prose: bool) -> None:
    assert is_prose(path) is prose


def test_prose_yields_to_code_unless_the_query_is_about_docs() -> None:
    rows = {1: row(1, "CHANGES.md"), 2: row(2, "src/client.py")}
    # The changelog is first in both rankings, the code second: for a code instruction the code comes first.
    assert rank("fix the retry timeout", [1, 2], [1, 2], rows)[0][0].path == "src/client.py"
    assert rank("fix a typo in the docs about retries", [1, 2], [1, 2], rows)[0][0].path == "CHANGES.md"
    assert about_documentation("Update the README") and not about_documentation("add a timeout option")


def test_a_query_of_several_sentences_or_clauses_has_parts() -> None:
    assert query_parts("Fix the parser when the input is empty") == []
    assert query_parts("Fix the parser; add a --strict flag. Document it in the README") == [
        "Fix the parser",
        "add a --strict flag.",
        "Document it in the README",
    ]
    assert query_parts("Fix the parser ; ).; add a flag ; ).") == ["Fix the parser", "add a flag"]  # no terms: gone
    assert query_parts("Fix it; Fix it") == []  # one distinct part
    assert query_parts("e.g. use the cache. see the notes") == []  # no capital after the stop: one sentence
    assert len(query_parts("; ".join(f"change number {i}" for i in range(20)))) == MAX_PARTS


def test_merge_parts_adds_each_chunks_best_part_score() -> None:
    a, b, c, d = row(1, "a.py"), row(2, "b.py"), row(3, "c.py"), row(4, "d.py")
    whole = [(a, 0.03), (b, 0.02), (c, 0.01)]
    parts = [[(c, 0.03), (b, 0.005)], [(b, 0.01), (d, 0.004)]]
    merged = merge_parts(whole, parts)
    assert [r.path for r, _ in merged] == ["c.py", "a.py", "b.py", "d.py"]
    scores = {r.id: score for r, score in merged}
    assert scores[3] == 0.01 + PART_WEIGHT * 0.03  # the best part only, not the sum
    assert scores[2] == 0.02 + PART_WEIGHT * 0.01
    assert scores[4] == PART_WEIGHT * 0.004  # found by one part alone
    assert merge_parts(whole, []) == whole
