"""The README's apply tables, printed from ``bench/results/apply*.json`` (what ``make bench-apply`` wrote).

    .venv/bin/python bench/apply_tables.py [--read-note FILE]

Prints three Markdown pieces: the results table (with the compared ref's exact / wrong / ambiguous outputs when
the run had ``APPLY_REF``), the refusal kinds table, and the ``right`` rates per group of sets. A set's note
("tuned on", "read in session 10", "fresh") comes from ``READ``; a set missing from it is marked "fresh".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
DIFF_SETS = ["main", "dev2", "holdout", "final", *(f"final{n}" for n in range(2, 15))]
SHAPE_SPLITS = ["dev", "holdout", *(f"holdout{n}" for n in range(2, 14))]
# The sessions in which a set was read case by case (its results then shaped the rules); None: tuned on.
READ: dict[str, str | None] = {
    "main": None,
    "dev2": None,
    "holdout": "10",
    "final": "10",
    "final2": "10",
    "final3": "11",
    "final4": "11",
    "final5": "11",
    "final6": "12",
    "final7": "13",
    "final8": "14",
    "final9": "15",
    "final10": "16",
    "final11": "17-20",
    "final12": "21",
    "final13": "22",
    "shapes dev": None,
    "shapes holdout": "10",
    "shapes holdout2": "11",
    "shapes holdout3": "11",
    "shapes holdout4": "11",
    "shapes holdout5": "12",
    "shapes holdout6": "13",
    "shapes holdout7": "14",
    "shapes holdout8": "15",
    "shapes holdout9": "16",
    "shapes holdout10": "17-20",
    "shapes holdout11": "21",
    "shapes holdout12": "22",
}
KINDS = [("ambiguous", "ambiguous"), ("anchor", "no anchor"), ("syntax", "new syntax error"),
         ("removal", "removal share"), ("unchanged", "unchanged"), ("marker", "marker")]  # fmt: skip


def result_file(name: str, writer: int) -> str:
    """The results file ``make bench-apply`` writes for a diff-based set (``APPLY_SETS`` in the Makefile)."""
    stem = "apply" if name == "main" else f"apply_{name}"
    if writer == 2:
        stem = "apply_w2" if name == "main" else f"{stem}_w2"
    return f"{stem}.json"


def rows() -> list[tuple[str, str, dict[str, Any]]]:
    """(label, READ key, report) for every set whose results file exists, in the README's order."""
    found = []
    for writer in (1, 2):
        for name in DIFF_SETS:
            path = RESULTS / result_file(name, writer)
            shown = "held-out" if name == "holdout" else name
            label = f"{shown} (writer 1" if writer == 1 else f"{shown}, second writer ("
            if path.exists():
                found.append((label, name, json.loads(path.read_text())))
    for split in SHAPE_SPLITS:
        path = RESULTS / f"apply_shapes_{split}.json"
        if path.exists():
            found.append((f"real-model shapes, {split} (", f"shapes {split}", json.loads(path.read_text())))
    return found


def note(key: str) -> str:
    if key not in READ:
        return "fresh"
    session = READ[key]
    if session is None:
        return "tuned on"
    return f"read in session{'s' if '-' in session else ''} {session}"


def label_of(label: str, key: str) -> str:
    return f"{label}; {note(key)})" if label.endswith("writer 1") else f"{label}{note(key)})"


def counts(s: dict[str, Any]) -> str:
    return f"{s['exact_rate']:.1%} / {s['wrong_rate']:.1%} ({s['wrong']}) / {s['ambiguous_wrong']}"


def main() -> None:
    found = rows()
    ref = next((r["compare"]["commit"][:7] for _, _, r in found if "compare" in r), None)
    then = f" at {ref} (same run): exact / wrong / ambiguous outputs | at {ref}: p50 / p95 ms |" if ref else ""
    print(f"| set | cases | exact | refused | wrong | ambiguous: refused / output | p50 / p95 / max ms |{then}")
    print("|---|---|---|---|---|---|---|" + ("---|---|" if ref else ""))
    for label, key, report in found:
        s = report["overall"]
        old = ""
        if ref and "compare" in report:
            t = report["compare"]["overall"]
            old = f" {counts(t)} | {t['latency_ms_p50']} / {t['latency_ms_p95']} |"
        print(
            f"| {label_of(label, key)} | {s['cases']} | {s['exact_rate']:.1%} | {s['refused_rate']:.1%} | "
            f"{s['wrong_rate']:.1%} ({s['wrong']}) | {s['ambiguous_refused']} / {s['ambiguous_wrong']} | "
            f"{s['latency_ms_p50']} / {s['latency_ms_p95']} / {s['latency_ms_max']} |{old}"
        )
    print()
    print("| set | " + " | ".join(title for _, title in KINDS) + " |")
    print("|---|" + "---|" * len(KINDS))
    for label, key, report in found:
        kinds = report["refusal_kinds"]
        print(f"| {label_of(label, key)} | " + " | ".join(str(kinds.get(kind, 0)) for kind, _ in KINDS) + " |")
    print()
    for group in ("writer 1", "second writer", "real-model shapes"):
        rates = [f"{r['overall']['right_rate']:.1%}" for label, _, r in found if group in label]
        print(f"right, {group}: {' / '.join(rates)}")


if __name__ == "__main__":
    main()
