"""Index benchmark: cold and warm indexing, didChange-to-searchable latency, request latency while indexing.

Everything goes through the real ``polyedit serve`` over LSP. The workspace is a released package fetched from the
npm registry at bench time (lodash 4.17.21 by default: 1,054 files), unpacked under bench/data/ (not committed).

    .venv/bin/python bench/index.py [--package lodash@4.17.21] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.uris import from_fs_path

sys.path.insert(0, str(Path(__file__).parent))
from fetch import npm_package
from lsp_client import BenchClient, peak_rss_mib, start, stop

REQUEST_INTERVAL_S = 0.05
MAX_PROBES = 5000
EDIT_ROUNDS = 10


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


async def probe_while_indexing(client: BenchClient, done: asyncio.Event) -> list[float]:
    """Alternate search and status requests until indexing is done; latencies in ms."""
    latencies: list[float] = []
    for i in range(MAX_PROBES):
        if done.is_set():
            break
        started = time.perf_counter()
        if i % 2:
            await client.request("polyedit/search", {"query": "debounce a function call", "k": 10})
        else:
            await client.request("polyedit/indexStatus")
        latencies.append((time.perf_counter() - started) * 1000)
        await asyncio.sleep(REQUEST_INTERVAL_S)  # pacing of the load, not a wait for a result
    return latencies


async def cold(root: Path, cache: Path) -> dict[str, Any]:
    started = time.perf_counter()
    client = await start(root, cache)
    done = asyncio.Event()
    prober = asyncio.create_task(probe_while_indexing(client, done))
    status = await client.wait_ready()
    ready = time.perf_counter()
    done.set()
    latencies = await prober
    scan_s = (client.progress_end or ready) - started
    result = {
        "files": status["files"],
        "chunks": status["chunks"],
        "embedded": status["newly_embedded"],
        "scan_seconds": round(scan_s, 2),
        "files_per_s": round(status["files"] / scan_s, 1),
        "chunks_per_s_lexical": round(status["chunks"] / scan_s, 1),
        "embed_chunks_per_s": round(status["newly_embedded"] / max(ready - (client.progress_end or started), 1e-9), 1),
        "ready_seconds": round(ready - started, 2),
        "requests_while_indexing": len(latencies),
        "request_ms_p50": round(percentile(latencies, 0.5), 1),
        "request_ms_p95": round(percentile(latencies, 0.95), 1),
        "request_ms_max": round(max(latencies, default=float("nan")), 1),
        "peak_rss_mib": round(peak_rss_mib(client.server_pid()), 1),
    }
    await stop(client)
    return result


async def warm(root: Path, cache: Path) -> tuple[dict[str, Any], BenchClient]:
    started = time.perf_counter()
    client = await start(root, cache)
    status = await client.wait_ready()
    return {
        "ready_seconds": round(time.perf_counter() - started, 2),
        "embedded": status["newly_embedded"],
        "chunks": status["chunks"],
    }, client


async def did_change_latency(client: BenchClient, root: Path) -> dict[str, Any]:
    """Append a new function to an open file; time until search finds it, and until it is embedded."""
    path = root / "chunk.js"
    uri = from_fs_path(str(path)) or ""
    text = path.read_text()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "javascript", 1, text)))
    searchable: list[float] = []
    embedded: list[float] = []
    for round_ in range(EDIT_ROUNDS):
        name = f"quantumFluxCapacitor{round_}"
        added = f"\nfunction {name}(level) {{\n  return level * {round_ + 2};\n}}\n"
        end = types.Position(line=len(text.splitlines()) + round_ * 4, character=0)
        client.status_changed.clear()
        started = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=round_ + 2),
                content_changes=[types.TextDocumentContentChangePartial(range=types.Range(end, end), text=added)],
            )
        )
        hits = await client.request("polyedit/search", {"query": f"quantum flux capacitor {round_}", "k": 3})
        searchable.append((time.perf_counter() - started) * 1000)
        assert any(name in h["text"] for h in hits), f"{name} not found"
        status = await client.wait_ready()
        embedded.append((time.perf_counter() - started) * 1000)
        assert status["pending"] == 0
    return {
        "rounds": EDIT_ROUNDS,
        "searchable_ms_p50": round(percentile(searchable, 0.5), 1),
        "searchable_ms_max": round(max(searchable), 1),
        "embedded_ms_p50": round(percentile(embedded, 0.5), 1),
        "embedded_ms_max": round(max(embedded), 1),
    }


async def run(package: str) -> dict[str, Any]:
    name, _, version = package.rpartition("@")
    source = npm_package(name, version)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "workspace"
        shutil.copytree(source, root)
        cache = Path(tmp) / "cache"
        result: dict[str, Any] = {"workspace": package, "cold": await cold(root, cache)}
        result["warm"], client = await warm(root, cache)
        result["did_change"] = await did_change_latency(client, root)
        result["warm"]["peak_rss_mib"] = round(peak_rss_mib(client.server_pid()), 1)
        await stop(client)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--package", default="lodash@4.17.21", help="npm package spec to index")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    result = asyncio.run(run(args.package))
    if args.json:
        print(json.dumps(result, indent=2))
        return
    cold_, warm_, change = result["cold"], result["warm"], result["did_change"]
    print(f"workspace {result['workspace']}: {cold_['files']} files, {cold_['chunks']} chunks")
    print(
        f"cold: scan {cold_['scan_seconds']} s "
        f"({cold_['files_per_s']} files/s, {cold_['chunks_per_s_lexical']} chunks/s)"
    )
    print(f"      embedding {cold_['embed_chunks_per_s']} chunks/s, ready in {cold_['ready_seconds']} s")
    print(f"      requests while indexing: p50 {cold_['request_ms_p50']} ms, p95 {cold_['request_ms_p95']} ms")
    print(f"warm: ready in {warm_['ready_seconds']} s, {warm_['embedded']} chunks embedded")
    print(f"didChange: searchable p50 {change['searchable_ms_p50']} ms, embedded p50 {change['embedded_ms_p50']} ms")
    print(f"peak RSS: cold {cold_['peak_rss_mib']} MiB, warm {warm_['peak_rss_mib']} MiB")


if __name__ == "__main__":
    main()
