from __future__ import annotations

import pytest
from polyedit.index.tokens import estimate_tokens, lexical_terms, query_terms, split_identifier


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("fetchUserName", ["fetch", "user", "name"]),
        ("fetch_user_name", ["fetch", "user", "name"]),
        ("FetchUserName", ["fetch", "user", "name"]),
        ("FETCH_USER_NAME", ["fetch", "user", "name"]),
        ("HTTPServer", ["http", "server"]),
        ("getHTTPResponse_v2", ["get", "http", "response", "v", "2"]),
        ("__init__", ["init"]),
        ("x", ["x"]),
    ],
)
def test_split_identifier(word: str, parts: list[str]) -> None:
    assert split_identifier(word) == parts


@pytest.mark.parametrize("code", ["fetchUserName()", "def fetch_user_name(self):", "FetchUserName.call"])
def test_every_identifier_style_contains_the_query_terms(code: str) -> None:
    terms = set(lexical_terms(code).split())
    assert {"fetch", "user"} <= terms
    assert "fetchusername" in terms  # the whole identifier stays searchable too


def test_query_terms_are_distinct_and_ordered() -> None:
    assert query_terms("fetch user, fetchUser!") == ["fetch", "user", "fetchuser"]


def test_non_ascii_words_are_kept() -> None:
    assert "größe" in lexical_terms("def größe(): pass").split()


def test_token_estimate_grows_with_text() -> None:
    assert estimate_tokens("") == 0
    assert estimate_tokens("a = b") == 3
    assert estimate_tokens("x" * 40) > estimate_tokens("x" * 8) > 1
