"""Security report: hostile paths refused, secrets caught, encodings preserved, and what secret scanning costs.

    .venv/bin/python bench/security.py [--json] [--fuzz N]

The cases are the tests' tables (tests/security_cases.py): paths a prompt-injected model would name, secrets in the
formats real services issue, ordinary code that must pass untouched, files in the encodings real repositories hold.
The fuzz part draws random model paths (segments of '..', '.git', '~', drive letters, links, unicode) and checks
that every accepted one resolves inside the workspace and outside .git. The cost is measured on this repository's
own server code and on installed libraries' code (which ships no secrets: every finding there is a false positive).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "server"))

from polyedit.index.files import Workspace, is_denied  # noqa: E402
from polyedit.index.secrets import mask  # noqa: E402
from polyedit.pipeline.paths import checked_path  # noqa: E402
from polyedit.pipeline.types import EditFailed, FileChange  # noqa: E402
from polyedit.pipeline.writes import as_pipeline_reads, write_changes  # noqa: E402

from tests.security_cases import (  # noqa: E402
    ENCODINGS,
    HOSTILE_PATHS,
    ORDINARY_CODE,
    SECRET_FILE_NAMES,
    SECRET_SAMPLES,
    make_hostile_workspace,
)

SEGMENTS = ["..", ".", ".git", ".GIT", "~", "C:", "", "app", "linkdir", "awsdir", "notes.txt", "con", "ü", "a b"]


def hostile_paths(workspace: Workspace, fuzz: int) -> dict[str, object]:
    refused = []
    for path, _, words in HOSTILE_PATHS:
        try:
            checked_path(workspace, path, "plan")
        except EditFailed as failure:
            refused.append(words in failure.reason)
    rng = random.Random(7)
    accepted = escaped = 0
    for _ in range(fuzz):
        raw = rng.choice("/\\").join(rng.choice(SEGMENTS) for _ in range(rng.randint(1, 5)))
        try:
            rel = checked_path(workspace, raw, "plan")
        except EditFailed:
            continue
        accepted += 1
        target = Path(os.path.realpath(workspace.root / rel))
        inside = target.is_relative_to(workspace.root)
        escaped += not inside or ".git" in [p.lower() for p in target.relative_to(workspace.root).parts]
    return {
        "tried": len(HOSTILE_PATHS),
        "refused": len(refused),
        "refused_with_the_expected_reason": sum(refused),
        "fuzz_paths": fuzz,
        "fuzz_accepted": accepted,
        "fuzz_accepted_outside_workspace_or_in_git": escaped,
    }


def secrets() -> dict[str, object]:
    caught = [secret not in mask(path, text).text for _, path, text, secret in SECRET_SAMPLES]
    restored = [mask(path, text).unmask(mask(path, text).text) == text for _, path, text, _ in SECRET_SAMPLES]
    untouched = [mask(path, text).text == text for path, text in ORDINARY_CODE]
    return {
        "samples": len(SECRET_SAMPLES),
        "caught": sum(caught),
        "missed": [name for (name, *_), ok in zip(SECRET_SAMPLES, caught, strict=True) if not ok],
        "restored_after_an_edit": sum(restored),
        "ordinary_code_samples": len(ORDINARY_CODE),
        "ordinary_code_untouched": sum(untouched),
        "secret_file_names": len(SECRET_FILE_NAMES),
        "secret_file_names_denied": sum(is_denied(p) for p in SECRET_FILE_NAMES),
    }


def encodings() -> dict[str, object]:
    preserved = []
    for _, original, old, new, expected in ENCODINGS:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            (root / "f.py").write_bytes(original)
            seen = as_pipeline_reads(original)
            change = FileChange("f.py", "modify", seen, seen.replace(old, new).replace("\r\n", "\n"), (), "m")
            write_changes(root, [change])
            preserved.append((root / "f.py").read_bytes() == expected)
    return {"cases": len(ENCODINGS), "preserved": sum(preserved)}


# Real code that ships no secrets: every finding in it is a false positive (an upper bound on the rate).
LIBRARIES = ("rich", "click", "httpx2", "pygls", "anthropic", "openai", "requests")


def scanning(root: Path, pattern: str) -> dict[str, object]:
    files = sorted(root.rglob(pattern))
    texts = [(p.relative_to(root).as_posix(), p.read_text(encoding="utf-8", errors="replace")) for p in files]
    lines = sum(t.count("\n") for _, t in texts)
    mask("warm-up.py", "x = 1\n")  # detect-secrets' plugins load once
    started = time.perf_counter()
    masked = [(path, mask(path, text)) for path, text in texts]
    seconds = time.perf_counter() - started
    found = [(path, len(m.secrets)) for path, m in masked if m.secrets]
    return {
        "files": len(files),
        "lines": lines,
        "seconds": round(seconds, 3),
        "ms_per_1000_lines": round(seconds * 1_000_000 / max(lines, 1), 1),
        "files_with_findings": len(found),
        "findings": sum(n for _, n in found),
        "findings_per_1000_lines": round(sum(n for _, n in found) * 1000 / max(lines, 1), 3),
    }


def libraries() -> dict[str, object]:
    import importlib.util

    report: dict[str, object] = {}
    for name in LIBRARIES:
        spec = importlib.util.find_spec(name)
        if spec and spec.submodule_search_locations:
            report[name] = scanning(Path(next(iter(spec.submodule_search_locations))), "*.py")
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--fuzz", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        make_hostile_workspace(Path(folder) / "ws", Path(folder) / "outside")
        paths = hostile_paths(Workspace(Path(folder) / "ws"), args.fuzz)
    report = {
        "hostile_paths": paths,
        "secrets": secrets(),
        "encodings": encodings(),
        "scanning_this_repository": scanning(REPO / "server" / "polyedit", "*.py"),
        "scanning_installed_libraries": libraries(),
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for section, numbers in report.items():
            print(f"{section}: " + ", ".join(f"{k} {v}" for k, v in numbers.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
