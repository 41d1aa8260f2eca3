"""Apply benchmark: exact / refused / wrong, latency and throughput of the local apply model.

Cases are JSON lines ``{"id", "path", "original", "sketch", "expected"}`` (the path's extension gives the language);
any other string keys (e.g. ``style``, ``source``, ``shape``, ``variant``, ``split``) are reported as breakdowns.
A case with ``"ambiguous": true`` has no single right result: refusing it is right, any output is wrong; such
cases are counted apart (``ambiguous``, ``ambiguous_refused``, ``ambiguous_wrong``) and left out of ``exact``,
``refused``, ``wrong`` and their rates, which stay the shares of the unambiguous cases.

Output (stable; other tools read it; keys are only ever added):
``{"overall": S, "by_language": {lang: S}, "by_change": {"code" | "whitespace-only": S}, "by_<key>": {value: S},
"refusal_kinds": {kind: n}, "refusal_classes": {kind: {class: n}},
"wrong": [{"id", "path", "style", "shape", "variant", "ambiguous"}]}``
where S = ``{cases, exact, refused, wrong, exact_rate, refused_rate, wrong_rate, ambiguous, ambiguous_refused,
ambiguous_wrong, right_rate, refused_by_kind, latency_ms_p50, latency_ms_p95, latency_ms_max, chars_per_s}``;
``right_rate`` = (exact + ambiguous_refused) / cases. A refusal class is the refusal's reason with quoted text
and numbers blanked, so refusals for one cause count together.

``--compare-ref REF`` runs the same cases through the apply package as it is at git ``REF`` (``git archive REF
server/`` unpacked in a temporary folder, run in a subprocess with that tree first on ``sys.path``) and adds
``"compare": {"ref", "commit", "overall", "by_<key>", "refusal_kinds", "refusal_classes", "transitions", "changed"}``
(``transitions``: ``"ref->now": n``; ``changed``: the cases whose outcome differs).

    .venv/bin/python bench/apply.py --cases bench/data/apply_cases.jsonl [--json] [--compare-ref main]
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SKIP_KEYS = {"id", "path", "original", "sketch", "expected", "language"}
ROW_KEYS = ("outcome", "ms", "chars", "kind", "reason")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(rows)
    counts = Counter(r["outcome"] for r in rows)
    ambiguous = counts["ambiguous_refused"] + counts["ambiguous_wrong"]
    plain = n - ambiguous
    latencies = [r["ms"] for r in rows]
    chars = sum(r["chars"] for r in rows)
    seconds = sum(latencies) / 1000
    return {
        "cases": n,
        "exact": counts["exact"],
        "refused": counts["refused"],
        "wrong": counts["wrong"],
        "exact_rate": round(counts["exact"] / plain, 4) if plain else 0.0,
        "refused_rate": round(counts["refused"] / plain, 4) if plain else 0.0,
        "wrong_rate": round(counts["wrong"] / plain, 4) if plain else 0.0,
        "ambiguous": ambiguous,
        "ambiguous_refused": counts["ambiguous_refused"],
        "ambiguous_wrong": counts["ambiguous_wrong"],
        "right_rate": round((counts["exact"] + counts["ambiguous_refused"]) / n, 4) if n else 0.0,
        "refused_by_kind": dict(Counter(r["kind"] for r in rows if r.get("kind")).most_common()),
        "latency_ms_p50": round(percentile(latencies, 0.5), 2),
        "latency_ms_p95": round(percentile(latencies, 0.95), 2),
        "latency_ms_max": round(max(latencies, default=0.0), 2),
        "chars_per_s": round(chars / seconds) if seconds else 0,
    }


def language_of(case: dict[str, Any]) -> str:
    if isinstance(case.get("language"), str):
        return str(case["language"])
    from polyedit.index.languages import language_for

    spec = language_for(case["path"])
    return spec.name if spec else Path(case["path"]).suffix.lstrip(".") or "text"


def change_of(case: dict[str, Any]) -> str:
    """``whitespace-only`` when the expected file differs from the original in whitespace alone, line by line (a
    file re-indented), else ``code``."""
    before, after = case["original"].split("\n"), case["expected"].split("\n")
    same = len(before) == len(after) and all(a.split() == b.split() for a, b in zip(before, after, strict=True))
    return "whitespace-only" if same else "code"


def refusal_class(reason: str) -> str:
    """A reason with its particulars blanked: quoted text, numbers and paths."""
    text = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`", "'…'", reason)
    text = re.sub(r"\d+(?:, \d+)*", "N", text)
    return text.split("; ")[0][:100]


def measure(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Run each case through the ``polyedit.apply`` first on ``sys.path``: one row per case."""
    apply_module = importlib.import_module("polyedit.apply")
    rows = []
    for case in cases:
        kind = reason = None
        started = time.perf_counter()
        try:
            result = apply_module.apply_sketch(case["path"], case["original"], case["sketch"])
            elapsed = time.perf_counter() - started
            outcome, chars = ("exact" if result.text == case["expected"] else "wrong"), len(result.text)
        except apply_module.ApplyRefused as refusal:
            elapsed = time.perf_counter() - started
            outcome, chars, kind, reason = "refused", 0, refusal.kind, refusal.reason
        if case.get("ambiguous") is True:
            outcome = "ambiguous_refused" if outcome == "refused" else "ambiguous_wrong"
        rows.append(
            {"id": case["id"], "outcome": outcome, "ms": elapsed * 1000, "chars": chars, "kind": kind, "reason": reason}
        )
    return rows


def report_of(cases: list[dict[str, Any]], measured: list[dict[str, Any]]) -> dict[str, Any]:
    rows = [{**case, **{k: m[k] for k in ROW_KEYS}} for case, m in zip(cases, measured, strict=True)]
    report: dict[str, Any] = {"overall": summary(rows)}
    groups: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        groups["language"][language_of(row)].append(row)
        groups["change"][change_of(row)].append(row)
        for key, value in row.items():
            if key not in SKIP_KEYS and key not in ROW_KEYS and isinstance(value, str):
                groups[key][value].append(row)
    for key, values in groups.items():
        report[f"by_{key}"] = {value: summary(group) for value, group in sorted(values.items())}
    kinds = Counter(r["kind"] for r in rows if r["kind"])
    report["refusal_kinds"] = dict(kinds.most_common())
    classes: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        if r["kind"]:
            classes[r["kind"]][refusal_class(r["reason"] or "")] += 1
    report["refusal_classes"] = {k: dict(classes[k].most_common()) for k, _ in kinds.most_common()}
    report["wrong"] = [
        {
            "id": r["id"],
            "path": r["path"],
            "style": r.get("style"),
            "shape": r.get("shape"),
            "variant": r.get("variant"),
            "ambiguous": r.get("ambiguous") is True,
        }
        for r in rows
        if r["outcome"] in ("wrong", "ambiguous_wrong")
    ]
    return report


def measure_at_ref(ref: str, cases_path: Path) -> tuple[str, list[dict[str, Any]]]:
    """The rows for the apply package as it is at git ``ref``, measured in a subprocess on that tree."""
    commit = subprocess.run(
        ["git", "rev-parse", "--verify", f"{ref}^{{commit}}"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="polyedit-ref-") as tmp:
        archive = subprocess.run(["git", "archive", commit, "server/"], cwd=ROOT, check=True, capture_output=True)
        tar_path = Path(tmp) / "server.tar"
        tar_path.write_bytes(archive.stdout)
        with tarfile.open(tar_path) as tar:
            tar.extractall(tmp, filter="data")
        done = subprocess.run(
            [sys.executable, __file__, "--cases", str(cases_path), "--worker", str(Path(tmp) / "server")],
            check=True,
            capture_output=True,
            text=True,
        )
    return commit, json.loads(done.stdout)


def compare(cases: list[dict[str, Any]], now: list[dict[str, Any]], ref: str, cases_path: Path) -> dict[str, Any]:
    commit, then = measure_at_ref(ref, cases_path)
    old = report_of(cases, then)
    transitions = Counter(f"{a['outcome']}->{b['outcome']}" for a, b in zip(then, now, strict=True))
    changed = [
        {"id": a["id"], "ref": a["outcome"], "now": b["outcome"]}
        for a, b in zip(then, now, strict=True)
        if a["outcome"] != b["outcome"]
    ]
    keep = {k: v for k, v in old.items() if k == "overall" or k.startswith("by_") or k.startswith("refusal_")}
    return {"ref": ref, "commit": commit, **keep, "transitions": dict(transitions.most_common()), "changed": changed}


def worker(server_root: Path, cases: list[dict[str, Any]]) -> None:
    sys.path.insert(0, str(server_root))
    import polyedit

    if not Path(polyedit.__file__ or "").resolve().is_relative_to(server_root.resolve()):
        raise SystemExit(f"polyedit was imported from {polyedit.__file__}, not from {server_root}")
    print(json.dumps(measure(cases)))


def line(label: str, s: dict[str, Any]) -> str:
    ambiguous = f", ambiguous {s['ambiguous_refused']}/{s['ambiguous']} refused" if s["ambiguous"] else ""
    return (
        f"{label}{s['cases']} cases: exact {s['exact_rate']:.1%}, refused {s['refused_rate']:.1%}, "
        f"wrong {s['wrong_rate']:.1%}{ambiguous}; p50 {s['latency_ms_p50']} ms, p95 {s['latency_ms_p95']} ms, "
        f"max {s['latency_ms_max']} ms; {s['chars_per_s']:,} chars/s"
    )


def print_text(report: dict[str, Any]) -> None:
    print(line("", report["overall"]))
    if "compare" in report:
        print(
            line(f"at {report['compare']['ref']} ({report['compare']['commit'][:10]}): ", report["compare"]["overall"])
        )
    for key in sorted(k for k in report if k.startswith("by_")):
        for value, s in report[key].items():
            ambiguous = f"  ambiguous {s['ambiguous_refused']}/{s['ambiguous']} refused" if s["ambiguous"] else ""
            then = report.get("compare", {}).get(key, {}).get(value)
            old = f"  | ref exact {then['exact_rate']:.1%} wrong {then['wrong_rate']:.1%}" if then else ""
            print(
                f"  {key[3:]:>8} {value:<40} {s['cases']:4d}  exact {s['exact_rate']:.1%}  refused "
                f"{s['refused_rate']:.1%}  wrong {s['wrong_rate']:.1%}{ambiguous}  p50 {s['latency_ms_p50']} ms{old}"
            )
    print(f"refusals: {report['refusal_kinds']}")
    for kind, classes in report["refusal_classes"].items():
        for reason, n in classes.items():
            print(f"  {kind:>10} {n:4d}  {reason}")
    if "compare" in report:
        print(f"transitions ref->now: {report['compare']['transitions']}")
    for wrong in report["wrong"]:
        tag = " ambiguous" if wrong["ambiguous"] else ""
        print(f"  wrong: {wrong['id']} {wrong['path']} ({wrong['style'] or wrong['shape']}{tag})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=Path, required=True)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--compare-ref", metavar="GIT_REF", help="also run the cases through the apply model at REF")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)  # internal: the server/ tree to measure
    args = parser.parse_args()
    cases = [json.loads(text) for text in args.cases.read_text().splitlines() if text.strip()]
    for index, case in enumerate(cases):
        case.setdefault("id", f"case-{index:05d}")
    if args.worker:
        worker(args.worker, cases)
        return
    sys.path.insert(0, str(ROOT / "server"))
    now = measure(cases)
    report = report_of(cases, now)
    if args.compare_ref:
        report["compare"] = compare(cases, now, args.compare_ref, args.cases)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_text(report)


if __name__ == "__main__":
    main()
