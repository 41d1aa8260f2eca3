"""The orchestrated edit, end to end in-process: real SDK -> loopback Messages API, real index and apply model."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from polyedit.config import Settings
from polyedit.index.service import IndexService
from polyedit.models.pricing import PriceTable
from polyedit.models.registry import ModelRouter
from polyedit.pipeline.run import EditRun, RunConfig
from polyedit.pipeline.types import EditFailed, Focus

from tests.fakes.anthropic_server import Reply, fake_anthropic
from tests.fakes.embedder import CountingEmbedder

FILES = {
    "app/users.py": ("def fetch_user(uid):\n    return {'id': uid}\n\n\ndef count_users():\n    return 0\n"),
    "app/views.py": "from app.users import fetch_user\n\n\ndef show(uid):\n    return fetch_user(uid)\n",
    "app/api.py": (
        "from app.users import fetch_user\n\n\ndef get(uid):\n    user = fetch_user(uid)\n    return user\n"
    ),
}
RENAMED = {path: text.replace("fetch_user", "load_user") for path, text in FILES.items()}
PLAN = {
    "summary": "Rename fetch_user to load_user everywhere.",
    "files": [{"path": p, "action": "modify", "intent": "rename fetch_user to load_user"} for p in FILES],
    "facts": ["the function is now called load_user"],
}
SKETCHES = {
    "app/users.py": "def load_user(uid):\n    return {'id': uid}\n# ... existing code ...\n",
    "app/views.py": "from app.users import load_user\n# ... existing code ...\n"
    "def show(uid):\n    return load_user(uid)\n",
    "app/api.py": "<<<<<<< SEARCH\nfrom app.users import fetch_user\n=======\nfrom app.users import load_user\n"
    ">>>>>>> REPLACE\n<<<<<<< SEARCH\n    user = fetch_user(uid)\n=======\n"
    "    user = load_user(uid)\n>>>>>>> REPLACE\n",
}


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    for rel, text in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


@pytest.fixture
def index(workspace: Path, tmp_path: Path) -> Iterator[IndexService]:
    service = IndexService(workspace, Settings(cache_dir=str(tmp_path / "cache")), embedder=CountingEmbedder())
    service.scan()
    yield service
    service.close()


def file_of(body: dict[str, Any]) -> str | None:
    found = re.search(r"^File: (\S+) \(", body["messages"][0]["content"], re.M)
    return found.group(1) if found else None


def router(plan: dict[str, Any], edits: dict[str, Callable[[dict[str, Any]], Reply]]) -> Callable[..., Reply]:
    def route(body: dict[str, Any]) -> Reply:
        path = file_of(body)
        return Reply.tool("submit_plan", plan) if path is None else edits[path](body)

    return route


def edit(path: str, sketch: str) -> Callable[[dict[str, Any]], Reply]:
    return lambda body: Reply.tool("edit_file", {"path": path, "sketch": sketch})


async def run(
    index: IndexService,
    route: Any,
    monkeypatch: pytest.MonkeyPatch,
    instruction: str = "rename fetch_user to load_user",
    focus: Focus | None = None,
    **config: Any,
) -> tuple[Any, Any]:
    with fake_anthropic(route) as (url, state):
        monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test")
        monkeypatch.setenv("ANTHROPIC_BASE_URL", url)
        settings = {"plan_model": "claude-sonnet-5-5", "generate_models": ("claude-haiku-5-5", "claude-sonnet-5-5")}
        edit_run = EditRun(
            index, ModelRouter({}, PriceTable(), backoff_s=0), RunConfig(**{**settings, **config}), lambda m: None
        )
        try:
            return await edit_run.run(instruction, focus), (edit_run, state)
        except EditFailed as failure:
            return failure, (edit_run, state)


async def test_rename_across_three_files(index: IndexService, monkeypatch: pytest.MonkeyPatch) -> None:
    changes, (edit_run, state) = await run(
        index, router(PLAN, {p: edit(p, s) for p, s in SKETCHES.items()}), monkeypatch
    )
    assert {c.path: c.new_text for c in changes} == RENAMED
    # Distilled hand-offs: a generate call sees its own file, the plan summary and facts, not the planner's input.
    generate = [r for r in state.requests if file_of(r)]
    assert len(generate) == 3 and all("Relevant code" not in str(r["system"]) for r in generate)
    assert all("the function is now called load_user" in r["messages"][0]["content"] for r in generate)
    assert edit_run.trace.outcome == "delivered" and edit_run.trace.cost_usd > 0
    assert [p.phase for p in edit_run.trace.phases].count("generate") == 3
    planner = "".join(block["text"] for block in state.requests[0]["system"]).split("\n")
    assert {"app/users.py: fetch_user, count_users", "app/views.py: show"} <= set(planner)  # the outline
    details = sorted(p.detail for p in edit_run.trace.phases if p.phase == "generate")
    assert details == [
        "app/api.py: 6 of 6 lines shown",
        "app/users.py: 6 of 6 lines shown",
        "app/views.py: 5 of 5 lines shown",
    ]


async def test_a_large_file_is_shown_focused_and_its_sketch_applies(
    index: IndexService, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    helpers = "".join(f"\n\ndef helper_{i}(x):\n    y = x * {i}\n    return y + {i}\n" for i in range(120))
    (workspace / "app/users.py").write_text(FILES["app/users.py"] + helpers)
    index.refresh_from_disk("app/users.py")
    sketch = "def load_user(uid):\n    return {'id': uid}\n# ... existing code ...\n"
    plan = {**PLAN, "files": PLAN["files"][:1]}
    changes, (edit_run, state) = await run(
        index, router(plan, {"app/users.py": edit("app/users.py", sketch)}), monkeypatch, generate_file_token_budget=300
    )
    [change] = changes
    assert change.new_text == RENAMED["app/users.py"] + helpers
    [prompt] = [r["messages"][0]["content"] for r in state.requests if file_of(r)]
    assert (
        "def fetch_user(uid):\n    return {'id': uid}\n" in prompt and "def helper_60(x):\n    # ... 2 lines" in prompt
    )
    [detail] = [p.detail for p in edit_run.trace.phases if p.phase == "generate"]
    assert detail.startswith("app/users.py: ") and detail.endswith(" of 606 lines shown")


async def test_create_file(index: IndexService, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = {
        "summary": "Add a module.",
        "files": [{"path": "app/new.py", "action": "create", "intent": "x"}],
        "facts": [],
    }
    route = router(
        plan, {"app/new.py": lambda b: Reply.tool("create_file", {"path": "app/new.py", "content": "X = 1\n"})}
    )
    changes, _ = await run(index, route, monkeypatch)
    assert [(c.path, c.action, c.new_text) for c in changes] == [("app/new.py", "create", "X = 1\n")]


@pytest.mark.parametrize(
    "entries",
    [
        [("app/users.py", "modify"), ("app/users.py", "modify")],
        [("app/users.py", "modify"), ("app/users.py", "delete")],
        [("app/users.py", "modify"), ("./app//users.py", "delete")],
    ],
)
async def test_a_plan_that_names_a_file_twice_is_malformed(
    index: IndexService, workspace: Path, monkeypatch: pytest.MonkeyPatch, entries: list[tuple[str, str]]
) -> None:
    files = [{"path": path, "action": action, "intent": "i"} for path, action in entries]
    failure, _ = await run(index, router({"summary": "s", "files": files, "facts": []}, {}), monkeypatch)
    assert isinstance(failure, EditFailed) and failure.phase == "plan"
    assert failure.reason == "the plan is malformed: it names 'app/users.py' twice (one entry per file)"
    assert all((workspace / rel).read_text() == text for rel, text in FILES.items())


@pytest.mark.parametrize(
    ("path", "action", "words"),
    [
        ("app/missing.py", "modify", "does not exist"),
        ("../outside.py", "modify", "leaves the workspace"),
        ("/etc/passwd", "modify", "absolute path"),
        (".git/config", "modify", "git's own files are never edited"),
        (".env", "create", "secret deny-list"),
        ("app/escape.py", "modify", "resolves outside the workspace"),
    ],
)
async def test_bad_paths_in_the_plan_stop_the_run(
    index: IndexService,
    workspace: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    path: str,
    action: str,
    words: str,
) -> None:
    (tmp_path / "outside.py").write_text("x = 1\n")
    (workspace / "app" / "escape.py").symlink_to(tmp_path / "outside.py")
    plan = {"summary": "s", "files": [{"path": path, "action": action, "intent": "i"}], "facts": []}
    failure, _ = await run(index, router(plan, {}), monkeypatch)
    assert isinstance(failure, EditFailed) and failure.phase == "plan" and words in failure.reason
    assert all((workspace / rel).read_text() == text for rel, text in FILES.items())


async def test_apply_refusal_goes_back_then_escalates(index: IndexService, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = "# ...\ndef nowhere():\n    pass\n# ... existing code ...\ndef elsewhere():\n    pass\n# ...\n"
    seen: list[str] = []

    def users(body: dict[str, Any]) -> Reply:
        seen.append(body["model"])
        sketch = SKETCHES["app/users.py"] if body["model"] == "claude-sonnet-5-5" else bad
        return Reply.tool("edit_file", {"path": "app/users.py", "sketch": sketch})

    edits = {p: edit(p, s) for p, s in SKETCHES.items()} | {"app/users.py": users}
    changes, (_, state) = await run(index, router(PLAN, edits), monkeypatch)
    assert seen == ["claude-haiku-5-5", "claude-haiku-5-5", "claude-sonnet-5-5"]
    assert {c.path: c.new_text for c in changes} == RENAMED
    retry = [r for r in state.requests if file_of(r) == "app/users.py"][1]
    assert "could not be applied" in retry["messages"][0]["content"]


async def test_apply_failure_after_the_cascade_stops_the_run(
    index: IndexService, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = "# ...\ndef nowhere():\n    pass\n# ...\ndef elsewhere():\n    pass\n# ...\n"
    failure, (edit_run, _) = await run(index, router(PLAN, {p: edit(p, bad) for p in FILES}), monkeypatch)
    assert isinstance(failure, EditFailed) and failure.phase == "apply" and "no model produced" in failure.reason
    assert edit_run.trace.outcome == "failed"


async def test_budget_stops_the_run(index: IndexService, monkeypatch: pytest.MonkeyPatch) -> None:
    failure, _ = await run(
        index, router(PLAN, {p: edit(p, s) for p, s in SKETCHES.items()}), monkeypatch, max_cost_usd=0.0001
    )
    assert isinstance(failure, EditFailed) and failure.phase == "budget" and "nothing was delivered" in failure.reason


async def test_model_error_is_a_clear_failure(index: IndexService, monkeypatch: pytest.MonkeyPatch) -> None:
    failure, (_, state) = await run(index, lambda b: Reply.failure(401, "authentication_error", "bad key"), monkeypatch)
    assert isinstance(failure, EditFailed) and failure.phase == "plan" and "ANTHROPIC_API_KEY" in failure.reason
    assert len(state.requests) == 1


async def test_edit_of_a_file_outside_the_plan_is_refused(index: IndexService, monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = edit("app/api.py", SKETCHES["app/api.py"])
    failure, _ = await run(index, router(PLAN, {p: wrong for p in FILES}), monkeypatch)
    assert isinstance(failure, EditFailed) and failure.phase == "verify" and "from the plan" in failure.reason


async def test_planner_tool_rounds_are_answered_by_the_index(
    index: IndexService, monkeypatch: pytest.MonkeyPatch
) -> None:
    def route(body: dict[str, Any]) -> Reply:
        if file_of(body):
            return Reply.tool("edit_file", {"path": file_of(body), "sketch": SKETCHES[file_of(body) or ""]})
        if "search_code('fetch_user')" in body["messages"][0]["content"]:
            return Reply.tool("submit_plan", PLAN)
        return Reply.tool("search_code", {"query": "fetch_user"})

    changes, (_, state) = await run(index, route, monkeypatch)
    assert len(changes) == 3
    assert "app/views.py" in state.requests[1]["messages"][0]["content"]  # the search results went back to the planner


async def test_the_planner_can_ask_for_every_use_of_a_name(
    index: IndexService, monkeypatch: pytest.MonkeyPatch
) -> None:
    def route(body: dict[str, Any]) -> Reply:
        if file_of(body):
            return Reply.tool("edit_file", {"path": file_of(body), "sketch": SKETCHES[file_of(body) or ""]})
        asked = body["messages"][0]["content"]
        if "find_references('fetch_user')" in asked:
            return Reply.tool("submit_plan", PLAN)
        if "find_references('fetch user')" in asked:
            return Reply.tool("find_references", {"name": "fetch_user"})
        return Reply.tool("find_references", {"name": "fetch user"})  # not an identifier: told, not fatal

    changes, (_, state) = await run(index, route, monkeypatch, max_plan_rounds=3)
    assert len(changes) == 3
    assert (
        "find_references('fetch user'): 'fetch user' is not an identifier"
        in state.requests[1]["messages"][0]["content"]
    )
    answer = state.requests[2]["messages"][0]["content"]
    assert "app/api.py:5: user = fetch_user(uid)\napp/users.py:1: def fetch_user(uid):\napp/views.py:1:" in answer


@pytest.mark.parametrize(
    ("replies", "words"),
    [
        ([Reply.text("I won't do that.", stop_reason="refusal")], "declined"),
        ([Reply.text("")], "answered with nothing"),
        ([Reply.tool("submit_plan", '{"summary": "x", broken')], "could not be read"),
        ([Reply.failure(429, "rate_limit_error", "Your spend limit is reached")], "spend limit"),
        ([Reply.text("cut", stop_reason="max_tokens")] * 2, "max_tokens"),
        ([Reply.failure(529, "overloaded_error", "Overloaded")] * 4, "overloaded"),
        ([Reply(blocks=[{"type": "text", "text": "x"}], fault="drop")] * 4, "stream ended"),
    ],
    ids=["refusal", "empty", "malformed-tool-input", "spend-limit", "max-tokens-twice", "529-persists", "dropped"],
)
async def test_model_faults_stop_the_run_with_a_clear_message(
    index: IndexService, monkeypatch: pytest.MonkeyPatch, replies: list[Reply], words: str
) -> None:
    failure, (edit_run, _) = await run(index, list(replies), monkeypatch)
    assert isinstance(failure, EditFailed) and failure.phase == "plan" and words in failure.reason
    assert edit_run.trace.outcome == "failed" and words in (edit_run.trace.error or "")


async def test_secrets_never_reach_the_model_and_survive_the_edit(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file's secrets are masked in search results, the planner's read_file and the generate prompt; the
    merged file has them back."""
    key = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
    (workspace / "app/settings.py").write_text(f'STRIPE_KEY = "{key}"\nTIMEOUT = 10\n')
    service = IndexService(workspace, Settings(cache_dir=str(tmp_path / "cache2")), embedder=CountingEmbedder())
    service.scan()
    plan = {"summary": "s", "files": [{"path": "app/settings.py", "action": "modify", "intent": "t"}], "facts": []}
    rounds = iter(
        [
            Reply.tool("read_file", {"path": "app/settings.py"}),
            Reply.tool("search_code", {"query": "stripe key settings"}),
            Reply.tool("submit_plan", plan),
        ]
    )
    sketch = (  # the line with the secret changes too: the placeholder the model saw must come back as the key
        '<<<<<<< SEARCH\nSTRIPE_KEY = "«secret-1»"\nTIMEOUT = 10\n=======\n'
        'STRIPE_KEY = "«secret-1»"  # live\nTIMEOUT = 30\n>>>>>>> REPLACE\n'
    )

    def route(body: dict[str, Any]) -> Reply:
        return (
            next(rounds)
            if file_of(body) is None
            else Reply.tool("edit_file", {"path": "app/settings.py", "sketch": sketch})
        )

    try:
        changes, (_, state) = await run(service, route, monkeypatch)
        found = service.search("STRIPE_KEY", k=5)
    finally:
        service.close()
    assert not isinstance(changes, EditFailed), changes
    assert [c.new_text for c in changes] == [f'STRIPE_KEY = "{key}"  # live\nTIMEOUT = 30\n']
    sent = json.dumps(state.requests, ensure_ascii=False)
    assert key not in sent and "«secret-1»" in sent
    assert found and all(key not in r.text for r in found)


@pytest.mark.parametrize(
    ("item", "reply", "words"),
    [
        (
            {"path": "app/users.py", "action": "modify", "intent": "i"},
            Reply.tool("edit_file", {"path": "app/users.py", "sketch": "x = 1\n" * 1000}),
            "the sketch is 6000 bytes, over the 4096-byte file size limit",
        ),
        (
            {"path": "app/notes.txt", "action": "create", "intent": "i"},
            Reply.tool("create_file", {"path": "app/notes.txt", "content": "binary\0data\n"}),
            "holds NUL bytes",
        ),
    ],
)
async def test_oversized_or_binary_output_is_refused(
    workspace: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    item: dict[str, str],
    reply: Reply,
    words: str,
) -> None:
    settings = Settings(cache_dir=str(tmp_path / "cache"), max_file_size_bytes=4096)
    index = IndexService(workspace, settings, embedder=CountingEmbedder())
    index.scan()
    plan = {"summary": "s", "files": [item], "facts": []}
    try:
        failure, _ = await run(index, router(plan, {item["path"]: lambda body: reply}), monkeypatch)
    finally:
        index.close()
    assert isinstance(failure, EditFailed) and failure.phase == "apply" and words in failure.reason
    assert all((workspace / rel).read_text() == text for rel, text in FILES.items())
    assert not (workspace / "app/notes.txt").exists()


async def test_the_selection_decides_what_this_means(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two functions share a name; the user's selection names the one to change: it comes first in the planner's
    context, the search reads it, and the trace records it."""
    root = tmp_path / "ws"
    for rel, body in {"jobs/runner.py": "return queue.pop()", "feeds/reader.py": "return feed.entries"}.items():
        (root / rel).parent.mkdir(parents=True)
        (root / rel).write_text(f"import x\n\n\ndef fetch(source):\n    {body}\n")
    service = IndexService(root, Settings(cache_dir=str(tmp_path / "cache")), embedder=CountingEmbedder())
    service.scan()
    plan = {"summary": "s", "files": [{"path": "feeds/reader.py", "action": "modify", "intent": "i"}], "facts": []}
    sketch = "<<<<<<< SEARCH\ndef fetch(source):\n=======\nasync def fetch(source):\n>>>>>>> REPLACE\n"
    focus = Focus("feeds/reader.py", 4, 5, "def fetch(source):\n    return feed.entries")
    route = router(plan, {"feeds/reader.py": edit("feeds/reader.py", sketch)})
    try:
        changes, (edit_run, state) = await run(service, route, monkeypatch, "make this function async", focus)
    finally:
        service.close()
    context = json.dumps(state.requests[0], ensure_ascii=False)
    assert context.index("The user's selection, feeds/reader.py:4-5") < context.index("Relevant code")
    assert edit_run.trace.handoffs["context_pack"]["focus"]["path"] == "feeds/reader.py"
    snippets = edit_run.trace.handoffs["context_pack"]["snippets"]
    assert snippets[0]["path"] == "feeds/reader.py"  # the search read the selection and favoured its file
    assert [c.path for c in changes] == ["feeds/reader.py"]
