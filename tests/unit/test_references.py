"""find_references: every line that uses an identifier, from the index (unsaved buffers included, secrets masked)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from polyedit.index import references
from polyedit.index.references import Reference, find_references
from polyedit.index.service import IndexService
from polyedit.pipeline import plan_tools

from tests.fakes.workspace import scanned_index

FILES = {
    "app/users.py": "def fetch_user(uid):\n    return {'id': uid}\n\n\ndef fetch_user_name(uid):\n    return ''\n",
    "app/views.py": "from app.users import fetch_user\n\n\ndef show(uid):\n    return fetch_user(uid)\n",
    "web/client.ts": "export function fetchUser(id: string) {\n  return fetch_user_api(id);\n}\n",
    "tests/test_users.py": "import app.users\n\n\ndef test_fetch():\n    assert app.users.fetch_user(1)\n",
}


@pytest.fixture
def index(tmp_path: Path) -> Iterator[IndexService]:
    with scanned_index(tmp_path, FILES) as service:
        yield service


def test_every_use_of_the_exact_identifier_by_path_and_line(index: IndexService) -> None:
    found, total, _ = find_references(index.store, "fetch_user", 10)
    assert found == [
        Reference("app/users.py", 1, "def fetch_user(uid):"),
        Reference("app/views.py", 1, "from app.users import fetch_user"),
        Reference("app/views.py", 5, "return fetch_user(uid)"),
        Reference("tests/test_users.py", 5, "assert app.users.fetch_user(1)"),
    ]  # not fetch_user_name, fetch_user_api or fetchUser: whole words, case and all
    assert total == 4
    assert [r.path for r in find_references(index.store, "fetchUser", 10)[0]] == ["web/client.ts"]


def test_a_qualified_name_looks_for_its_last_part_and_the_limit_counts_the_rest(index: IndexService) -> None:
    found, total, _ = find_references(index.store, "app.users.fetch_user", 2)
    assert [(r.path, r.line) for r in found] == [("app/users.py", 1), ("app/views.py", 1)] and total == 4
    spellings = ("users::fetch_user", "users->fetch_user", "Users#fetch_user", "crate::app::users::fetch_user")
    decorated = ("fetch_user()", "users::fetch_user<T>", "fetch_user::<Vec<u8>>", "fetch_user!", "users::~fetch_user")
    for spelling in (*spellings, *decorated):
        assert find_references(index.store, spelling, 2) == (found, total, False), spelling


def test_a_name_that_is_not_an_identifier_is_a_clear_error(index: IndexService) -> None:
    for bad in ("", "fetch user", "x; DROP TABLE chunks", '"', "a::", "->", "<T>", "f(x)"):
        with pytest.raises(ValueError, match="is not an identifier"):
            find_references(index.store, bad, 10)


def test_unsaved_buffers_count_and_secrets_stay_masked(index: IndexService) -> None:
    index.set_buffer("app/views.py", "TOKEN = 'ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'\nprint(TOKEN)\n")
    found, _, _ = find_references(index.store, "TOKEN", 10)
    assert [(r.path, r.line) for r in found] == [("app/views.py", 1), ("app/views.py", 2)]
    assert "ghp_" not in found[0].text
    assert [r.path for r in find_references(index.store, "fetch_user", 10)[0]].count("app/views.py") == 0


def test_a_name_in_more_chunks_than_the_candidate_limit_is_cut_there(
    index: IndexService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(references, "CANDIDATE_CHUNKS", 1)
    _, total, cut = find_references(index.store, "fetch_user", 10)
    assert total < 4 and cut  # one chunk read: at most its lines (fetchUser's chunk, an equal spelling, may be the one)


def test_an_answer_cut_at_the_candidate_limit_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 'render' is a part of every renderItem: the lexical index ranks those chunks first, and the limit can cut the
    # one real use. The planner must not read "(no uses)" then, nor an exact count.
    files = {f"ui/w{i}.ts": f"export const w{i} = renderItem(renderItem(renderItem({i})));\n" for i in range(6)}
    files["ui/view.ts"] = "export function show() { return render(1); }\n"
    with scanned_index(tmp_path, files) as service:
        assert "ui/view.ts:1:" in plan_tools.references(service, "render")
        monkeypatch.setattr(references, "CANDIDATE_CHUNKS", 3)
        answer = plan_tools.references(service, "render")
    assert "(no uses)" not in answer
    assert "only the 3 chunks" in answer


def test_a_long_line_is_shown_around_its_use(tmp_path: Path) -> None:
    # A minified bundle is one line of hundreds of KB: 60 of them were megabytes in one answer to the planner.
    line = "var a=" + ";".join(f"x{i}=f({i})" for i in range(5000)) + ";render(1);\n"
    with scanned_index(tmp_path, {"vendor/lib.min.js": line}) as service:
        (found,), total, _ = find_references(service.store, "render", 10)
    assert total == 1 and found.line == 1
    assert "render(1)" in found.text and len(found.text) <= references.LINE_CHARS + 2


def test_identifiers_beyond_ascii_and_names_the_index_cannot_look_up(tmp_path: Path) -> None:
    files = {"calc.py": "π = 3.14\nñame = 1\nprint(π, ñame)\n", "web/dom.js": "const $ = jQuery;\n$('a').hide();\n"}
    with scanned_index(tmp_path, files) as service:
        assert [r.line for r in find_references(service.store, "π", 10)[0]] == [1, 3]  # Python allows it
        assert [r.line for r in find_references(service.store, "ñame", 10)[0]] == [2, 3]
        for name in ("$", "_"):  # no letter or digit to look up: said so, never "(no uses)"
            with pytest.raises(ValueError, match="search_code"):
                find_references(service.store, name, 10)


def test_line_numbers_count_newlines_only(tmp_path: Path) -> None:
    # A form feed (GNU and Emacs sources put ^L between sections) or U+2028 is no line break for the editor, nor for
    # tree-sitter: the chunks after it were numbered one line too far, and so were the references in them.
    body = "".join(
        f"def f{i}(x):\n"
        + "".join(f"    y{j} = x + {j} * compute_value(x)\n" for j in range(12))
        + "    return y0\n\n\n"
        for i in range(4)
    )
    text = "import os\n\x0c\n# a\u2028b\n" + body + "def target():\n    return f1(2)\n"
    with scanned_index(tmp_path, {"a.py": text}) as service:
        found, _, _ = find_references(service.store, "target", 10)
        chunks = service.store.chunks()
    assert [r.line for r in found] == [text.split("\n").index("def target():") + 1]
    for chunk in chunks:  # each chunk's text is the file's lines start_line..end_line
        assert chunk.text.rstrip("\n") == "\n".join(text.split("\n")[chunk.start_line - 1 : chunk.end_line])
