"""Retrieval benchmark: hybrid vs lexical-only vs dense-only, measured in one run on the same indexes; and
``first_edit``: hybrid as ``polyedit edit`` searches a repository it has never seen (nothing embedded but what its
search embeds on demand: its lexical candidates, then the static tier's best, up to FIRST_SEARCH_CHUNKS), to compare
with hybrid on the fully embedded index. Its vectors come from the run's cache, so the time limit of that on-demand
step (FIRST_SEARCH_SECONDS) never cuts it here: this is the recall of a machine fast enough to embed the whole budget
in time (bench/first_edit.py says how many chunks the real first search embedded on lodash).

Cases are JSON lines ``{"id", "repo_dir", "query", "gold_files": [relative paths], "set"?, "language"?}``. Each
repo_dir is indexed once (real embedding model, one model for all, fresh cache unless --cache-dir is given).
``--cases`` is the docstring set; ``--change-cases`` (optional) the change set, whose cases name their part in
"set" (``change_dev``, ``change_heldout``). Output (stable; other tools read it): one JSON object with a key per mode
for the docstring set, each holding recall@1/5/10, all_gold@10, mrr, latency_ms_p50/p95 and the count; plus "cases"
and "misses" (hybrid cases with no gold file in the top 10). "sets" holds the same report for every set (docstring
included), with "by_language" (recall@1, recall@10, MRR) for the change sets; held-out sets list no misses (they
are not for tuning). Hybrid also reports what the planner sees before any tool call: ``planner_code`` (share of
gold files among the files of its 20 snippets within the context budget) and ``planner_named`` (the same, with the
files the outline names with their definitions added).

    .venv/bin/python bench/retrieval.py --cases bench/data/retrieval_cases.jsonl \
        [--change-cases bench/data/change_cases.jsonl] [--sets docstring,change_dev] [--k 10] [--json] \
        [--embedding-runtime onnx|torch|static]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from polyedit.config import Settings
from polyedit.index.embedder import Embedder, make_embedder
from polyedit.index.service import IndexService
from polyedit.pipeline.context import files_near, workspace_outline
from polyedit.pipeline.types import Snippet

MODES = ("hybrid", "lexical", "dense", "first_edit")
CHUNKS_PER_QUERY = 200  # chunks fetched to find the top-k distinct files (a few large files can fill 50)


def ranked_files(service: IndexService, query: str, mode: str, k: int) -> list[str]:
    if mode == "first_edit":
        return first_edit_files(service, query, k)
    files: list[str] = []
    for result in service.search(query, k=CHUNKS_PER_QUERY, mode=mode, load_model=True):  # type: ignore[arg-type]
        if result.path not in files:
            files.append(result.path)
        if len(files) == k:
            break
    return files


def first_edit_files(service: IndexService, query: str, k: int) -> list[str]:
    """Hybrid search as ``polyedit edit`` runs it on a repository it has never seen: every chunk scanned, none
    embedded but those its search embeds on demand. The vectors come from the run's cache (the recall is the first
    run's; the time is not), and the index is whole again afterwards."""
    rows = service.store.chunks()
    service.queue.pause(True)  # the background worker (idle: all was embedded) must not put vectors back meanwhile
    service.queue.forget([r.id for r in rows])
    with service.queue.cond:
        service.queue._pending.update({r.id: r for r in rows})  # as after the first scan: all waiting
    files: list[str] = []
    for result in service.search(query, k=CHUNKS_PER_QUERY, embed_missing=True):
        if result.path not in files:
            files.append(result.path)
        if len(files) == k:
            break
    service.queue.embed(service.queue.pending_rows())  # from the cache: the index is whole again
    service.queue.pause(False)
    return files


def planner_files(service: IndexService, query: str, budget: int) -> tuple[list[str], list[str]]:
    """The files the planner sees of a workspace before any tool call, as ``EditRun.retrieve`` builds its context
    (20 snippets within the token budget): those shown as code, and those the outline names with their definitions."""
    hits = service.search(query, k=20, token_budget=budget)
    snippets = tuple(Snippet(h.path, h.start_line, h.end_line, h.symbol, h.text) for h in hits)
    outline = workspace_outline(service, files_near(service, query, snippets))
    named = [entry.path for entry in outline if entry.symbols]
    return list(dict.fromkeys(h.path for h in hits)), named


def make_bench_embedder(runtime: str, settings: Settings) -> Embedder:
    """The product's embedder for ``onnx`` (the default) and ``torch``; ``static``: bench/embedders.py's distilled
    static model, measured as a candidate first-pass tier."""
    if runtime == "static":
        from bench.embedders import StaticEmbedder
        from bench.fetch import DATA

        return StaticEmbedder.distil(DATA / "models" / "static-minilm-256.npy")[0]  # type: ignore[return-value]
    return make_embedder(replace(settings, embedding_runtime=runtime))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def _score(scores: dict[str, dict[str, list[float]]], mode: str, gold: set[str], files: list[str]) -> None:
    for cut in (1, 5, 10):
        scores[mode][f"recall@{cut}"].append(len(gold & set(files[:cut])) / len(gold))
    scores[mode]["all_gold@10"].append(float(gold <= set(files[:10])))
    rank = next((i for i, f in enumerate(files, start=1) if f in gold), None)
    scores[mode]["mrr"].append(1 / rank if rank else 0.0)


def _summary(scores: dict[str, dict[str, list[float]]]) -> dict[str, Any]:
    report: dict[str, Any] = {}
    for mode in MODES:
        s = scores[mode]
        report[mode] = {name: round(sum(v) / len(v), 4) for name, v in s.items() if name != "latency_ms"}
        if s["latency_ms"]:
            report[mode]["latency_ms_p50"] = round(percentile(s["latency_ms"], 0.5), 1)
            report[mode]["latency_ms_p95"] = round(percentile(s["latency_ms"], 0.95), 1)
        report[mode]["count"] = len(s["mrr"])
    return report


def evaluate(cases: list[dict[str, Any]], k: int, cache_dir: Path, runtime: str = "onnx") -> dict[str, Any]:
    """One report per set (the case's "set", default "docstring"), every repository indexed once."""
    by_repo: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for case in cases:
        by_repo[case["repo_dir"]].append(case)
    sets = list(dict.fromkeys(c.get("set", "docstring") for c in cases))
    scores: dict[str, dict[str, dict[str, list[float]]]] = {n: {m: defaultdict(list) for m in MODES} for n in sets}
    by_language: dict[str, dict[str, dict[str, dict[str, list[float]]]]] = defaultdict(dict)
    misses: dict[str, list[dict[str, Any]]] = {n: [] for n in sets}
    settings = Settings(cache_dir=str(cache_dir))
    embedder = make_bench_embedder(runtime, settings)
    for repo_dir, repo_cases in by_repo.items():
        service = IndexService(Path(repo_dir), settings, embedder=embedder)
        service.scan()
        service.start_embedding()
        service.wait_idle()
        print(f"indexed {repo_dir}: {service.status().chunks} chunks", file=sys.stderr)
        for case in repo_cases:
            name = case.get("set", "docstring")
            gold = set(case["gold_files"])
            language = case.get("language")
            for mode in MODES:
                started = time.perf_counter()
                files = ranked_files(service, case["query"], mode, k)
                scores[name][mode]["latency_ms"].append((time.perf_counter() - started) * 1000)
                _score(scores[name], mode, gold, files)
                if language:
                    per = by_language[name].setdefault(language, {m: defaultdict(list) for m in MODES})
                    per[mode]["latency_ms"] = []
                    _score(per, mode, gold, files)
                if mode == "hybrid":
                    code, named = planner_files(service, case["query"], settings.context_token_budget)
                    scores[name][mode]["planner_code"].append(len(gold & set(code)) / len(gold))
                    scores[name][mode]["planner_named"].append(len(gold & set(code + named)) / len(gold))
                if mode == "hybrid" and not gold & set(files[:10]):
                    misses[name].append(
                        {"id": case["id"], "query": case["query"], "gold": sorted(gold), "top3": files[:3]}
                    )
        service.close()
    report: dict[str, Any] = {"sets": {}}
    for name in sets:
        part = _summary(scores[name])
        part["cases"] = part["hybrid"]["count"]
        if by_language[name]:
            part["by_language"] = {
                lang: {
                    m: {key: v for key, v in r.items() if key in ("recall@1", "recall@10", "mrr", "count")}
                    for m, r in _summary(per).items()
                }
                for lang, per in sorted(by_language[name].items())
            }
        if "heldout" not in name:
            part["misses"] = misses[name]
        report["sets"][name] = part
    first = report["sets"].get("docstring") or report["sets"][sets[0]]
    report.update({m: first[m] for m in MODES})
    report["cases"] = first["cases"]
    report["misses"] = first.get("misses", [])
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=Path, required=True, help="the docstring set")
    parser.add_argument("--change-cases", type=Path, help="the change set (its cases say their part in 'set')")
    parser.add_argument("--sets", help="comma-separated set names to run (default: all)")
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--embedding-runtime", choices=("onnx", "torch", "static"), default="onnx")
    parser.add_argument("--cache-dir", type=Path, help="embedding cache to reuse (default: a fresh temporary one)")
    args = parser.parse_args()
    cases = [json.loads(line) for line in args.cases.read_text().splitlines() if line.strip()]
    if args.change_cases:
        cases += [json.loads(line) for line in args.change_cases.read_text().splitlines() if line.strip()]
    if args.sets:
        wanted = set(args.sets.split(","))
        cases = [c for c in cases if c.get("set", "docstring") in wanted]
    with tempfile.TemporaryDirectory() as tmp:
        report = evaluate(cases, args.k, args.cache_dir or Path(tmp), args.embedding_runtime)
    report["embedding_runtime"] = args.embedding_runtime
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for name, part in report["sets"].items():
        print(f"{name}: {part['cases']} cases")
        for mode in MODES:
            r = part[mode]
            print(
                f"  {mode:8} recall@1 {r['recall@1']:.3f}  @5 {r['recall@5']:.3f}  @10 {r['recall@10']:.3f}  "
                f"all-gold@10 {r['all_gold@10']:.3f}  MRR {r['mrr']:.3f}  "
                f"p50 {r['latency_ms_p50']} ms  p95 {r['latency_ms_p95']} ms"
            )
        if "misses" in part:
            print(f"  hybrid misses (no gold file in top 10): {len(part['misses'])}")


if __name__ == "__main__":
    main()
