"""The workspace outline the planner reads: every file, and the definitions of the files near the work."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from polyedit.index.service import IndexService
from polyedit.pipeline import context
from polyedit.pipeline.context import definition_names, files_near, render_file, workspace_outline
from polyedit.pipeline.types import FileOutline, Focus, Snippet

from tests.fakes.workspace import scanned_index

FILES = {
    "app/cache.py": "def get(key):\n    return None\n\n\nclass Store:\n    def put(self, key):\n        pass\n",
    "app/expiry.py": "def expire(store):\n    return 0\n",
    "tests/test_cache.py": "def test_get():\n    assert True\n\n\ndef test_put():\n    assert True\n",
    "docs/guide.py": "def unrelated():\n    return 1\n",
}


@pytest.fixture
def index(tmp_path: Path) -> Iterator[IndexService]:
    with scanned_index(tmp_path, FILES) as service:
        yield service


def test_the_ranking_adds_the_files_a_small_budget_left_out(
    index: IndexService, monkeypatch: pytest.MonkeyPatch
) -> None:
    near = files_near(index, "expire store", ())  # no snippet fitted the budget
    assert near[0] == "app/expiry.py"
    monkeypatch.setattr(context, "OUTLINE_RANKED_FILES", 1)
    assert files_near(index, "expire store", (snippet("app/cache.py"),)) == ["app/cache.py"]


def snippet(path: str) -> Snippet:
    return Snippet(path, 1, 2, None, "")


def test_files_near_the_work_are_named_with_their_definitions(index: IndexService) -> None:
    near = files_near(index, "cache", (snippet("app/cache.py"),), Focus("tests/test_cache.py"))
    assert near[:2] == ["tests/test_cache.py", "app/cache.py"]  # the focus, the snippets, then the ranking
    outline = {e.path: e for e in workspace_outline(index, ["tests/test_cache.py", "app/cache.py"])}
    assert list(outline) == sorted(FILES)  # every file, sorted by path
    assert outline["app/cache.py"].symbols == ("get", "Store")  # top-level only: not Store.put
    assert outline["app/expiry.py"].symbols == ("expire",)  # a neighbour of a retrieved file
    assert outline["tests/test_cache.py"].symbols == ("test_get", "test_put")  # the focus
    assert outline["docs/guide.py"].symbols == ()  # far from the work: only its path


def test_caps_keep_the_files_near_the_work(index: IndexService, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(context, "OUTLINE_FILES", 2)
    monkeypatch.setattr(context, "OUTLINE_NAMED_FILES", 1)
    monkeypatch.setattr(context, "OUTLINE_NAMES_PER_FILE", 1)
    outline = workspace_outline(index, ["tests/test_cache.py"])
    assert outline == (
        FileOutline("app/cache.py"),  # the first path by name fills the cap
        FileOutline("tests/test_cache.py", ("test_get",), 1),
    )
    outline = workspace_outline(index, ["app/cache.py"])
    assert [(e.path, e.symbols, e.more) for e in outline] == [("app/cache.py", ("get",), 1)]


def test_render_names_what_it_leaves_out() -> None:
    assert render_file(FileOutline("a.py")) == "a.py"
    assert render_file(FileOutline("a.py", ("f", "g"), 3)) == "a.py: f, g, and 3 more"


@pytest.mark.parametrize(
    ("path", "text", "names"),
    [
        (
            "a.py",
            "import os\n\n@cache\ndef load():\n    pass\n\nclass Repo:\n    def get(self):\n        pass\n",
            ["load", "Repo"],
        ),
        (
            "a.ts",
            "export class Store {\n  put() {}\n}\nexport function make() {}\nconst limit = 3;\n",
            ["Store", "make", "limit"],
        ),
        ("a.rs", "struct Point;\nimpl Point {\n    fn x(&self) {}\n}\n", ["Point", "impl Point"]),
        ("notes.md", "# Title\n", []),
        # fewer than two at the top level: the definitions sit in a wrapper, and those inside it are named
        (
            "fs.d.ts",
            'declare module "fs" {\n  export function readFile(): void;\n  interface Stats {}\n}\n',
            ["readFile", "Stats"],
        ),
        ("n.ts", "namespace N {\n  export function a() {}\n  export class B {}\n}\n", ["a", "B"]),
        (
            "umd.js",
            "(function (root, f) {\n  root.X = f();\n})(this, function () {\n  function a() {}\n  class B {}\n});\n",
            ["a", "B"],
        ),
        (
            "v.py",
            "import sys\nif sys.version_info > (3,):\n    def a():\n        pass\nelse:\n    def b():\n        pass\n",
            ["a", "b"],
        ),
        (
            "one.py",
            "class Repo:\n    def get(self):\n        pass\n    def put(self):\n        pass\n",
            ["Repo", "get", "put"],
        ),
        ("e.ts", "export class Repo {\n  get() {}\n  put() {}\n}\n", ["Repo", "get", "put"]),
        (
            "d.py",
            "@dataclass\nclass Repo:\n    def get(self):\n        pass\n    def put(self):\n        pass\n",
            ["Repo", "get", "put"],
        ),
        # a lone function's locals are not its file's definitions
        (
            "App.jsx",
            "export default function App() {\n  const [n, setN] = useState(0);\n  function onClick() {}\n}\n",
            ["App"],
        ),
        ("loop.js", "function main() {\n  for (var i = 0; i < 2; i++) {}\n}\n", ["main"]),
        (
            "a.test.ts",
            'describe("x", () => {\n  it("works", () => {});\n  it("fails", () => {});\n});\n',
            ['describe("x")', 'it("works")', 'it("fails")'],
        ),
        ("o.ts", "function f(a: string): void;\nfunction f(a: number): void;\nfunction f(a: any) {}\n", ["f"]),
    ],
)
def test_definition_names_are_the_top_level_ones_or_those_in_a_wrapper(path: str, text: str, names: list[str]) -> None:
    assert definition_names(path, text) == names


def test_a_secret_in_a_test_label_is_masked_in_the_outline(tmp_path: Path) -> None:
    # describe('...') names a test by its label, a string literal read from the file: it is masked like the index.
    token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
    files = {"web/auth.test.ts": f"describe('refuses {token}', () => {{\n  it('works', () => {{}});\n}});\n"}
    with scanned_index(tmp_path, files) as service:
        (entry,) = workspace_outline(service, ["web/auth.test.ts"])
    assert entry.symbols[0].startswith("describe('refuses ") and entry.symbols[1:] == ("it('works')",)
    assert token not in render_file(entry)
    assert token not in "".join(definition_names("web/auth.test.ts", files["web/auth.test.ts"]))


def test_a_file_that_cannot_be_read_any_more_is_listed_without_names(
    index: IndexService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A neighbour made unreadable (or removed between the check and the read) after the scan: the outline is
    # context, it must not fail the run.
    read_text = index.workspace.read_text

    def unreadable(rel: str) -> tuple[str, bool]:
        if rel == "app/expiry.py":
            raise PermissionError(13, "Permission denied", rel)
        return read_text(rel)

    monkeypatch.setattr(index.workspace, "read_text", unreadable)
    outline = {e.path: e for e in workspace_outline(index, ["app/cache.py"])}
    assert outline["app/expiry.py"] == FileOutline("app/expiry.py")
    assert outline["app/cache.py"].symbols == ("get", "Store")


def test_a_file_larger_than_the_index_reads_is_listed_without_names(
    index: IndexService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The user's active file may be larger than max_file_size_bytes (focus_on does not ask): parsing a 5 MB file
    # (and masking it for its test labels) took seconds before the plan request.
    big = "".join(f"describe('case {i}', () => {{}});\n" for i in range(200))
    (index.workspace.root / "web").mkdir()
    (index.workspace.root / "web/big.test.ts").write_text(big)
    monkeypatch.setattr(index, "settings", replace(index.settings, max_file_size_bytes=len(big) - 1))
    parsed: list[str] = []
    monkeypatch.setattr(context, "top_level_names", lambda path, text: parsed.append(path) or [])
    outline = {e.path: e for e in workspace_outline(index, ["web/big.test.ts", "app/cache.py"])}
    assert outline["web/big.test.ts"] == FileOutline("web/big.test.ts")
    assert parsed == ["app/cache.py", "app/expiry.py"]
