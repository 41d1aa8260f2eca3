"""``polyedit edit [ROOT] INSTRUCTION``: plan, generate and apply a multi-file edit; print it, or write it."""

from __future__ import annotations

import asyncio
import difflib
import json
import sys
from pathlib import Path
from typing import Any

from polyedit.index.embedding import FIRST_SEARCH_CHUNKS
from polyedit.index.service import IndexService
from polyedit.models.registry import build_models
from polyedit.pipeline.context import focus_on
from polyedit.pipeline.run import EditRun, run_config
from polyedit.pipeline.traces import save_trace
from polyedit.pipeline.types import EditFailed, FileChange, Focus, RunTrace
from polyedit.progress import ProgressBar
from polyedit.write_cli import keep_edit, write_command, write_edit


def run_edit(
    service: IndexService,
    instruction: str,
    write: bool,
    plan_only: bool,
    as_json: bool,
    yes_control_files: bool = False,
    focus: str = "",
) -> int:
    models = build_models(service.settings)
    missing = models.missing_keys()
    for problem in missing:
        print(f"polyedit: {problem}", file=sys.stderr)
    if missing:
        return 1
    for notice in models.notices:
        print(f"polyedit: {notice}", file=sys.stderr)

    def say(message: str) -> None:
        if not as_json:
            print(f"polyedit: {message}", file=sys.stderr)

    # The model loads while the files are scanned; the edit does not wait for the whole workspace to be embedded.
    if getattr(service.embedder, "needs_export", False):
        say("preparing the embedding model for this machine (once, about 10 s)")
    service.start_embedding()
    service.scan(progress=ProgressBar("files") if not as_json else None)
    before = service.status()
    if before.pending > FIRST_SEARCH_CHUNKS and service.tier_needs_distilling():
        say("preparing the first-pass search model for this machine (once, about 10 s)")
    if before.pending:
        say(
            f"{before.embedded} of {before.chunks} chunks embedded: planning now; the first search embeds up to "
            f"{min(before.pending, FIRST_SEARCH_CHUNKS)} of the likeliest first, the rest are embedded while the "
            "models work"
        )
    run = EditRun(service, models.router, run_config(service.settings), say)
    try:
        changes = asyncio.run(_run(run, instruction, plan_only, focus_from(service, focus)))
    except EditFailed as failure:
        trace_path = save_trace(service.settings, run.trace)
        print(f"polyedit: {failure} (nothing changed; trace: {trace_path})", file=sys.stderr)
        return 1
    finally:
        if before.pending and service.status().pending:
            say(
                f"{service.status().pending} chunks still to embed: the next run goes on from here "
                "('polyedit index' embeds them all)"
            )
    trace_path = save_trace(service.settings, run.trace)
    root = service.workspace.root
    kept = keep_edit(service.settings, trace_path, root, changes) if changes and not write else None
    if as_json:
        record = {"trace": run.trace.to_json(), "changes": [_change_json(c) for c in changes]}
        print(json.dumps(record | ({"kept": str(kept)} if kept else {})))
    else:
        _print_summary(run.trace, changes, trace_path)
    if kept:
        say(f"nothing written (no --write); the edit is kept: {write_command(kept)} writes it as shown")
    if not write or not changes:
        return 0
    unwritten = write_edit(root, changes, yes_control_files)
    if unwritten is None:
        print(f"polyedit: wrote {len(changes)} files", file=sys.stderr)
        return 0
    print(f"polyedit: {unwritten}", file=sys.stderr)
    kept = keep_edit(service.settings, trace_path, root, changes)
    if kept:
        print(f"polyedit: the edit is kept: {write_command(kept)} writes it later (same checks)", file=sys.stderr)
    return 1


async def _run(run: EditRun, instruction: str, plan_only: bool, focus: Focus | None) -> list[FileChange]:
    if not plan_only:
        return await run.run(instruction, focus)
    run.trace.instruction = instruction
    await run.plan(await asyncio.to_thread(run.retrieve, instruction, focus))
    run.trace.outcome = "planned"
    return []


def focus_from(service: IndexService, spec: str) -> Focus | None:
    """``--focus PATH[:FIRST-LAST]`` (lines 1-based, inclusive), as an editor's active file and selection."""
    if not spec:
        return None
    path, _, lines = spec.partition(":")
    rel = service.workspace.relative(service.workspace.root / path)
    first, _, last = lines.partition("-")
    numbers = (int(first), int(last or first)) if first.isdigit() and (last or first).isdigit() else (None, None)
    focus = focus_on(service, rel, *numbers) if rel else None
    if focus is None:
        print(f"polyedit: --focus {spec}: not a file polyedit may read here; planning without it", file=sys.stderr)
    return focus


def _change_json(change: FileChange) -> dict[str, Any]:
    return {"path": change.path, "action": change.action, "new_text": change.new_text, "model": change.model}


def _print_summary(trace: RunTrace, changes: list[FileChange], trace_path: Path) -> None:
    plan = trace.handoffs.get("edit_plan")
    if plan:
        print(f"Plan: {plan['summary']}")
        for item in plan["files"]:
            print(f"  {item['action']:<6} {item['path']}: {item['intent']}")
    for change in changes:
        old = (change.old_text or "").splitlines(keepends=True)
        new = (change.new_text or "").splitlines(keepends=True)
        sys.stdout.writelines(difflib.unified_diff(old, new, f"a/{change.path}", f"b/{change.path}"))
    print("Cost per phase:")
    for phase in trace.phases:
        model = f" {phase.model}" if phase.model else ""
        print(
            f"  {phase.phase:<9}{model}: {phase.input_tokens} in ({phase.cached_tokens} cached), "
            f"{phase.output_tokens} out, ${phase.cost_usd:.4f}, {phase.seconds:.1f} s"
        )
    print(f"Total: ${trace.cost_usd:.4f}; trace: {trace_path}")
