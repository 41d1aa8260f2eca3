"""Pipeline benchmark with the loopback Messages API (the real SDK, scripted model replies).

1. Overhead: wall time of a 5-file edit minus the time at least one model call was in flight, in a workspace of
   10,000+ chunks (SQLAlchemy's wheel, fetched from PyPI at bench time). The index's dense vectors come from the
   test suite's hashing embedder, so this measures the pipeline, not MiniLM.
2. Tokens: input tokens of the generate calls as sent (distilled hand-offs) versus a baseline that would also pass
   the planner's whole conversation (its request and its reply) to every generate call. Tokens are estimated from
   the request bodies. Measured with the default focused views of large files (pipeline/focus.py) and, in the same
   run, with whole files; for each, how many generate calls could see the line they must change.
3. Cascade: cost of cheap-first generation versus strong-only on scenarios where the cheap model's sketch fails
   to apply on 0, 2 or 5 of the 5 files; and the same with a free first tier: a local model (``ollama:…``, the
   loopback OpenAI-compatible server through the real openai SDK), priced at 0, then the strong model.

    .venv/bin/python bench/pipeline.py [--runs 7] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from polyedit.config import Settings
from polyedit.index.service import IndexService
from polyedit.index.tokens import estimate_tokens
from polyedit.models.catalog import default_models
from polyedit.models.registry import ModelRouter, price_table
from polyedit.models.types import ModelReply, ModelRequest
from polyedit.pipeline.run import EditRun, RunConfig

from bench.fetch import pypi_wheel
from tests.fakes.anthropic_server import Reply, fake_anthropic
from tests.fakes.embedder import CountingEmbedder
from tests.fakes.openai_server import Chat, fake_openai

FILES = 5
LOCAL = "ollama:bench-local"  # the free first tier
BAD_SKETCH = "# ...\ndef nowhere_at_all():\n    pass\n# ...\ndef elsewhere_entirely():\n    pass\n# ...\n"


class TimedProvider:
    """Records the interval of every model call, to subtract model time from wall time."""

    def __init__(self, inner: ModelRouter) -> None:
        self.inner = inner
        self.intervals: list[tuple[float, float]] = []

    async def complete(self, request: ModelRequest) -> ModelReply:
        start = time.perf_counter()
        try:
            return await self.inner.complete(request)
        finally:
            self.intervals.append((start, time.perf_counter()))

    def busy_seconds(self) -> float:
        total, end = 0.0, 0.0
        for a, b in sorted(self.intervals):
            if b > end:
                total += b - max(a, end)
                end = b
        return total


def tokens_of(body: dict[str, Any]) -> int:
    return estimate_tokens(json.dumps(body.get("system", ""))) + estimate_tokens(json.dumps(body.get("messages", [])))


def choose_files(root: Path) -> dict[str, str]:
    """Five real modules and, in each, a unique 'def' line to change."""
    chosen: dict[str, str] = {}
    for path in sorted(root.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        defs = [line for line in lines if line.lstrip().startswith("def ") and lines.count(line) == 1]
        if len(lines) > 200 and defs:
            chosen[path.relative_to(root).as_posix()] = defs[len(defs) // 2]
        if len(chosen) == FILES:
            return chosen
    raise RuntimeError("not enough files")


def name_of(def_line: str) -> str:
    return def_line.split("def ", 1)[1].split("(", 1)[0]


def make_router(files: dict[str, str], hard: set[str], cheap: str) -> Any:
    plan = {
        "summary": "Mark five functions as edited.",
        "files": [
            {"path": p, "action": "modify", "intent": f"add the comment '# edited' to the def line of {name_of(line)}"}
            for p, line in files.items()
        ],
        "facts": ["the marker comment is '# edited'"],
    }

    def route(body: dict[str, Any]) -> Reply:
        prompt = body["messages"][0]["content"]
        usage = {"input_tokens": tokens_of(body)}
        path = next((p for p in files if f"File: {p} (" in prompt), None)
        if path is None:
            reply = Reply.tool("submit_plan", plan)
        elif path in hard and body["model"] == cheap:
            reply = Reply.tool("edit_file", {"path": path, "sketch": BAD_SKETCH})
        else:
            reply = Reply.tool("edit_file", {"path": path, "sketch": good_sketch(files[path])})
        reply.usage = {**reply.usage, **usage, "output_tokens": estimate_tokens(json.dumps(reply.blocks))}
        return reply

    return route


def good_sketch(line: str) -> str:
    return f"<<<<<<< SEARCH\n{line}\n=======\n{line}  # edited\n>>>>>>> REPLACE\n"


def make_local_router(files: dict[str, str], hard: set[str]) -> Any:
    """The free first tier: the local model fails on the ``hard`` files, like the cheap model does."""

    def route(body: dict[str, Any]) -> Chat:
        prompt = body["messages"][-1]["content"]
        path = next(p for p in files if f"File: {p} (" in prompt)
        sketch = BAD_SKETCH if path in hard else good_sketch(files[path])
        return Chat.tool("edit_file", {"path": path, "sketch": sketch})

    return route


async def one_run(
    index: IndexService, files: dict[str, str], hard: set[str], cascade: tuple[str, ...], file_budget: int = 4000
) -> dict[str, Any]:
    models = default_models()
    with (
        fake_anthropic(make_router(files, hard, models["cheap"])) as (url, state),
        fake_openai(make_local_router(files, hard)) as (local_url, _),
    ):
        os.environ["ANTHROPIC_BASE_URL"] = url
        os.environ["POLYEDIT_OLLAMA_BASE_URL"] = local_url
        os.environ.setdefault("ANTHROPIC_API_KEY", "sk-ant-bench")
        provider = TimedProvider(ModelRouter({}, price_table(Settings(), {}), backoff_s=0))
        config = RunConfig(
            plan_model=models["strong"],
            generate_models=cascade,
            max_cost_usd=100,
            generate_file_token_budget=file_budget,
        )
        run = EditRun(index, provider, config, lambda message: None)  # type: ignore[arg-type]
        started = time.perf_counter()
        changes = await run.run("mark five functions as edited")
        wall = time.perf_counter() - started
        requests = list(state.requests)
    assert len(changes) == FILES
    plan_request = requests[0]
    plan_reply_tokens = estimate_tokens(json.dumps(run.trace.handoffs["edit_plan"]))
    generate = requests[1:]
    distilled = sum(tokens_of(r) for r in generate)
    baseline = sum(tokens_of(plan_request) + plan_reply_tokens + tokens_of(r) for r in generate)
    prompts = [r["messages"][0]["content"] for r in generate]
    visible = sum(any(f"File: {p} (" in t and line in t for t in prompts) for p, line in files.items())
    return {
        "target_visible": visible,
        "wall_ms": wall * 1000,
        "model_ms": provider.busy_seconds() * 1000,
        "overhead_ms": (wall - provider.busy_seconds()) * 1000,
        "generate_calls": len(generate),
        "distilled_tokens": distilled,
        "baseline_tokens": baseline,
        "cost_usd": run.trace.cost_usd,
    }


async def main_async(runs: int) -> dict[str, Any]:
    source = pypi_wheel("SQLAlchemy", "2.0.36")
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(cache_dir=str(Path(tmp) / "cache"))
        index = IndexService(source, settings, embedder=CountingEmbedder())
        index.scan()
        index.start_embedding()
        index.wait_idle()
        chunks = index.status().chunks
        files = choose_files(source)
        originals = {p: (source / p).read_text() for p in files}
        models = default_models()
        overhead = [await one_run(index, files, set(), (models["cheap"], models["strong"])) for _ in range(runs)]
        cascade: dict[str, Any] = {}
        for hard_count in (0, 2, 5):
            hard = set(list(files)[:hard_count])
            cheap_first = await one_run(index, files, hard, (models["cheap"], models["strong"]))
            strong_only = await one_run(index, files, hard, (models["strong"],))
            free_first = await one_run(index, files, hard, (LOCAL, models["strong"]))
            cascade[f"cheap_fails_on_{hard_count}_of_5"] = {
                "cascade_cost_usd": cheap_first["cost_usd"],
                "strong_only_cost_usd": strong_only["cost_usd"],
                "ratio": round(cheap_first["cost_usd"] / strong_only["cost_usd"], 3),
                "generate_calls": cheap_first["generate_calls"],
                "free_first_tier_cost_usd": free_first["cost_usd"],
                "free_first_tier_ratio": round(free_first["cost_usd"] / strong_only["cost_usd"], 3),
            }
        whole = await one_run(index, files, set(), (models["cheap"], models["strong"]), file_budget=10**9)
        index.close()
        assert all((source / p).read_text() == text for p, text in originals.items())  # nothing was written
    sample = overhead[0]
    return {
        "workspace": {"source": "SQLAlchemy 2.0.36 wheel", "chunks": chunks},
        "overhead_ms": {
            "p50": round(statistics.median(r["overhead_ms"] for r in overhead), 1),
            "max": round(max(r["overhead_ms"] for r in overhead), 1),
            "runs": runs,
        },
        "tokens": {
            "distilled_generate_input": sample["distilled_tokens"],
            "full_conversation_baseline": sample["baseline_tokens"],
            "saving": round(1 - sample["distilled_tokens"] / sample["baseline_tokens"], 3),
            "calls_that_saw_their_target_line": f"{sample['target_visible']} of {FILES}",
            "whole_files": {
                "distilled_generate_input": whole["distilled_tokens"],
                "full_conversation_baseline": whole["baseline_tokens"],
                "saving": round(1 - whole["distilled_tokens"] / whole["baseline_tokens"], 3),
                "calls_that_saw_their_target_line": f"{whole['target_visible']} of {FILES}",
            },
        },
        "cascade": cascade,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report = asyncio.run(main_async(args.runs))
    print(json.dumps(report, indent=2) if args.json else json.dumps(report))


if __name__ == "__main__":
    main()
