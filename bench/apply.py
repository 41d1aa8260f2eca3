"""Apply benchmark: exact / refused / wrong, latency and throughput of the local apply model.

Cases are JSON lines ``{"id", "path", "original", "sketch", "expected"}`` (the path's extension gives the language);
any other string keys (e.g. ``style``, ``source``) are reported as breakdowns. Output (stable; other tools read it):
``{"overall": S, "by_language": {lang: S}, "by_<key>": {value: S}, "refusal_kinds": {kind: n},
"wrong": [{"id", "path", "style"}]}`` where S = ``{cases, exact, refused, wrong, exact_rate, refused_rate,
wrong_rate, latency_ms_p50, latency_ms_p95, latency_ms_max, chars_per_s}``.

    .venv/bin/python bench/apply.py --cases bench/data/apply_cases.jsonl [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))
from polyedit.apply import ApplyRefused, apply_sketch
from polyedit.index.languages import language_for

SKIP_KEYS = {"id", "path", "original", "sketch", "expected", "language"}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(rows)
    counts = Counter(r["outcome"] for r in rows)
    latencies = [r["ms"] for r in rows]
    chars = sum(r["chars"] for r in rows)
    seconds = sum(latencies) / 1000
    return {
        "cases": n,
        "exact": counts["exact"],
        "refused": counts["refused"],
        "wrong": counts["wrong"],
        "exact_rate": round(counts["exact"] / n, 4) if n else 0.0,
        "refused_rate": round(counts["refused"] / n, 4) if n else 0.0,
        "wrong_rate": round(counts["wrong"] / n, 4) if n else 0.0,
        "latency_ms_p50": round(percentile(latencies, 0.5), 2),
        "latency_ms_p95": round(percentile(latencies, 0.95), 2),
        "latency_ms_max": round(max(latencies, default=0.0), 2),
        "chars_per_s": round(chars / seconds) if seconds else 0,
    }


def language_of(case: dict[str, Any]) -> str:
    if isinstance(case.get("language"), str):
        return str(case["language"])
    spec = language_for(case["path"])
    return spec.name if spec else Path(case["path"]).suffix.lstrip(".") or "text"


def run(cases: list[dict[str, Any]]) -> dict[str, Any]:
    rows = []
    kinds: Counter[str] = Counter()
    for case in cases:
        started = time.perf_counter()
        try:
            result = apply_sketch(case["path"], case["original"], case["sketch"])
            outcome, chars = ("exact" if result.text == case["expected"] else "wrong"), len(result.text)
        except ApplyRefused as refusal:
            outcome, chars = "refused", 0
            kinds[refusal.kind] += 1
        rows.append({**case, "outcome": outcome, "ms": (time.perf_counter() - started) * 1000, "chars": chars})
    report: dict[str, Any] = {"overall": summary(rows)}
    groups: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        groups["language"][language_of(row)].append(row)
        for key, value in row.items():
            if key not in SKIP_KEYS and key not in ("outcome", "ms", "chars") and isinstance(value, str):
                groups[key][value].append(row)
    for key, values in groups.items():
        report[f"by_{key}"] = {value: summary(group) for value, group in sorted(values.items())}
    report["refusal_kinds"] = dict(kinds.most_common())
    report["wrong"] = [
        {"id": r["id"], "path": r["path"], "style": r.get("style")} for r in rows if r["outcome"] == "wrong"
    ]
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=Path, required=True)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    cases = [json.loads(line) for line in args.cases.read_text().splitlines() if line.strip()]
    report = run(cases)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    o = report["overall"]
    print(
        f"{o['cases']} cases: exact {o['exact_rate']:.1%}, refused {o['refused_rate']:.1%}, "
        f"wrong {o['wrong_rate']:.1%}; "
        f"p50 {o['latency_ms_p50']} ms, p95 {o['latency_ms_p95']} ms, max {o['latency_ms_max']} ms; "
        f"{o['chars_per_s']:,} chars/s"
    )
    for key in sorted(k for k in report if k.startswith("by_")):
        for value, s in report[key].items():
            print(
                f"  {key[3:]:>8} {value:<40} {s['cases']:4d}  exact {s['exact_rate']:.1%}  refused "
                f"{s['refused_rate']:.1%}  wrong {s['wrong_rate']:.1%}  p50 {s['latency_ms_p50']} ms"
            )
    print(f"refusals: {report['refusal_kinds']}")
    for wrong in report["wrong"]:
        print(f"  wrong: {wrong['id']} {wrong['path']} ({wrong['style']})")


if __name__ == "__main__":
    main()
