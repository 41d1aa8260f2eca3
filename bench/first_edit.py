"""First edit on a repository polyedit has never seen: seconds from ``polyedit edit`` to the plan request.

Runs the real ``polyedit edit ROOT INSTRUCTION --plan-only`` in a subprocess against the loopback Messages API, on a
released package of about 1,000 files (lodash 4.17.21 from npm by default), with a fresh cache: the first run on a
new repository. The int8 ONNX embedding model is exported, and the first-pass static model distilled from it,
beforehand, as after a machine's first use; those one-time steps are timed and reported apart. For scale,
``polyedit index`` on a fresh cache (scan and embed everything, what ``polyedit edit`` did before it stopped waiting)
is timed too, and a second edit on the now warm cache.

Reported per run: seconds to the plan request, and how many chunks were embedded when the edit started and when it
ended (from the edit's progress lines; with the instant loopback plan, nearly all of the difference is the first
search's on-demand embedding).

    .venv/bin/python bench/first_edit.py [--package lodash@4.17.21] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from polyedit.config import Settings
from polyedit.index.embedder import make_embedder
from polyedit.index.onnx_embedder import OnnxEmbedder
from polyedit.index.static_tier import StaticTier

from bench.fetch import npm_package
from tests.fakes.anthropic_server import Reply, fake_anthropic

INSTRUCTION = "let debounce take a maxWait of zero to mean no maximum wait"
PLAN = {"summary": "bench", "files": [{"path": "debounce.js", "action": "modify", "intent": "bench"}], "facts": []}


def polyedit(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "polyedit.cli", *args], capture_output=True, text=True, env=env, timeout=3600
    )


def first_plan_request(root: Path, env: dict[str, str]) -> dict[str, Any]:
    """Start ``polyedit edit --plan-only``; the seconds until the loopback Messages API gets the plan request."""
    arrived: list[float] = []

    def route(body: dict[str, Any]) -> Reply:
        arrived.append(time.perf_counter())
        return Reply.tool("submit_plan", PLAN)

    with fake_anthropic(route) as (url, _):
        run_env = {**env, "ANTHROPIC_API_KEY": "sk-ant-bench", "ANTHROPIC_BASE_URL": url}
        started = time.perf_counter()
        done = polyedit("edit", str(root), INSTRUCTION, "--plan-only", env=run_env)
    if done.returncode != 0 or not arrived:
        raise SystemExit(f"polyedit edit failed ({done.returncode}): {done.stderr[-2000:]}")
    embedded = re.search(r"(\d+) of (\d+) chunks embedded: planning now", done.stderr)
    left = re.search(r"(\d+) chunks still to embed", done.stderr)
    chunks = int(embedded.group(2)) if embedded else None
    return {
        "seconds_to_plan_request": round(arrived[0] - started, 2),
        "chunks_embedded_at_start": int(embedded.group(1)) if embedded else None,
        "chunks_embedded_at_end": chunks - int(left.group(1)) if chunks is not None and left else chunks,
        "chunks": chunks,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--package", default="lodash@4.17.21")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    name, version = args.package.rsplit("@", 1)
    root = npm_package(name, version)
    files = sum(1 for p in root.rglob("*") if p.is_file())
    report: dict[str, Any] = {"package": args.package, "files": files, "instruction": INSTRUCTION}

    with tempfile.TemporaryDirectory() as models, tempfile.TemporaryDirectory() as config:
        env = {**os.environ, "POLYEDIT_MODELS_DIR": models, "POLYEDIT_CONFIG_DIR": config}
        started = time.perf_counter()
        os.environ["POLYEDIT_MODELS_DIR"] = models
        embedder = make_embedder(Settings())
        embedder.encode(["warm up"])
        report["one_time_model_export_s"] = round(time.perf_counter() - started, 1)
        started = time.perf_counter()
        assert isinstance(embedder, OnnxEmbedder)
        StaticTier.for_embedder(embedder)
        report["one_time_static_distil_s"] = round(time.perf_counter() - started, 1)

        with tempfile.TemporaryDirectory() as cache:
            report["first_edit"] = first_plan_request(root, {**env, "POLYEDIT_CACHE_DIR": cache})
            report["second_edit"] = first_plan_request(root, {**env, "POLYEDIT_CACHE_DIR": cache})
        with tempfile.TemporaryDirectory() as cache:
            started = time.perf_counter()
            done = polyedit("index", str(root), env={**env, "POLYEDIT_CACHE_DIR": cache})
            if done.returncode != 0:
                raise SystemExit(f"polyedit index failed: {done.stderr[-2000:]}")
            report["full_index_s"] = round(time.perf_counter() - started, 1)
            report["full_index_summary"] = done.stdout.strip().splitlines()[-1]
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for key, value in report.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
