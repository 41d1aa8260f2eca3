"""The orchestrated multi-file edit: retrieve -> plan -> generate (per file, concurrently) -> apply -> verify.

Phases pass typed values only. A failure goes to the phase that owns it with a one-line reason: an apply refusal
goes first to the ``apply_fallback`` model when one is configured, then back to generate for that file once, with
the reason; a second failure escalates to the next model of the cascade, as does a reply the cheap model got wrong
(malformed, empty, refused, cut, no edit); then the run stops. All or nothing: a run returns every change or raises
``EditFailed``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from dataclasses import asdict, dataclass, replace
from importlib.resources import files
from typing import Any

from polyedit.apply import ApplyRefused, apply_sketch
from polyedit.apply.api import check_llm_merge
from polyedit.config import Settings
from polyedit.index.secrets import Masked, mask
from polyedit.index.service import IndexService
from polyedit.index.tokens import estimate_tokens
from polyedit.models.registry import roles
from polyedit.models.types import ModelError, ModelProvider, ModelReply, ModelRequest
from polyedit.pipeline.context import files_near, render_context, search_query, workspace_outline
from polyedit.pipeline.fallback import llm_merge
from polyedit.pipeline.focus import focused_view
from polyedit.pipeline.guards import check_output, check_size, unmask
from polyedit.pipeline.paths import checked_path
from polyedit.pipeline.plan_tools import answer_tool
from polyedit.pipeline.tools import GENERATE_TOOLS, PLAN_TOOLS
from polyedit.pipeline.types import (
    ContextPack,
    EditFailed,
    EditPlan,
    FileChange,
    FileSketch,
    Focus,
    PhaseRecord,
    PlannedFile,
    RunTrace,
    Snippet,
)

PLAN_PROMPT = files("polyedit.pipeline").joinpath("prompts/plan.txt").read_text(encoding="utf-8")
GENERATE_PROMPT = files("polyedit.pipeline").joinpath("prompts/generate.txt").read_text(encoding="utf-8")
Progress = Callable[[str], None]


@dataclass(frozen=True)
class RunConfig:
    plan_model: str
    generate_models: tuple[str, ...]  # the cascade: cheap first, escalate on failure
    context_token_budget: int = 6000
    generate_file_token_budget: int = 4000  # larger files are shown to generate calls focused (pipeline/focus.py)
    max_plan_rounds: int = 3
    max_cost_usd: float = 2.0
    max_tokens_total: int = 400_000
    apply_fallback: str | None = None  # the model a structural refusal goes to before generate is asked again


# Reply faults that another model of the cascade may not make; infrastructure faults (keys, network, budget) stop.
ESCALATE = frozenset({"malformed", "empty", "refusal", "max_tokens"})


def run_config(settings: Settings) -> RunConfig:
    chosen = roles(settings)
    return RunConfig(
        plan_model=chosen.plan,
        generate_models=chosen.generate,
        apply_fallback=chosen.apply_fallback,
        context_token_budget=settings.context_token_budget,
        generate_file_token_budget=settings.generate_file_token_budget,
        max_cost_usd=settings.max_cost_usd,
        max_tokens_total=settings.max_tokens_per_run,
    )


class EditRun:
    def __init__(self, index: IndexService, provider: ModelProvider, config: RunConfig, progress: Progress) -> None:
        self.index = index
        self.provider = provider
        self.config = config
        self.progress = progress
        self.trace = RunTrace("")

    async def run(self, instruction: str, focus: Focus | None = None) -> list[FileChange]:
        self.trace = RunTrace(instruction)
        try:
            pack = await asyncio.to_thread(self.retrieve, instruction, focus)
            plan = await self.plan(pack)
            changes = await _all_or_cancel([self.change(pack.instruction, plan, item) for item in plan.files])
            self.trace.outcome = "delivered"
            return list(changes)
        except EditFailed as failure:
            self.trace.outcome, self.trace.error = "failed", str(failure)
            raise
        except asyncio.CancelledError:
            self.trace.outcome, self.trace.error = "cancelled", "cancelled by the user"
            raise

    # --- retrieve -------------------------------------------------------------------------------------------

    def retrieve(self, instruction: str, focus: Focus | None = None) -> ContextPack:
        """The focus (its secrets masked) always goes first; the search reads the selection beside the instruction
        ("make this async" names nothing) and favours the active file."""
        started = time.monotonic()
        if focus is not None:
            focus = replace(focus, text=mask(focus.path, focus.text).text)
        budget = self.config.context_token_budget - (estimate_tokens(focus.text) if focus else 0)
        favour = (focus.path,) if focus else ()
        results = self.index.search(
            search_query(instruction, focus),
            k=20,
            token_budget=max(budget, 0),
            favour=favour,
            embed_missing=True,
            parts_of=instruction,  # the selection appended is code: its statements are not parts of the request
        )
        snippets = tuple(Snippet(r.path, r.start_line, r.end_line, r.symbol, r.text) for r in results)
        outline = workspace_outline(self.index, files_near(self.index, instruction, snippets, focus))
        pack = ContextPack(instruction, snippets, outline, focus)
        self.trace.phases.append(
            PhaseRecord(
                "retrieve", None, seconds=round(time.monotonic() - started, 3), detail=f"{len(snippets)} snippets"
            )
        )
        self.trace.handoffs["context_pack"] = {
            "focus": asdict(focus) if focus else None,
            "snippets": [asdict(s) for s in snippets],
            "files": len(outline),
        }
        self.progress(f"retrieved {len(snippets)} snippets")
        return pack

    # --- plan -----------------------------------------------------------------------------------------------

    async def plan(self, pack: ContextPack) -> EditPlan:
        context = render_context(pack)
        notes: list[str] = []
        for round_ in range(1, self.config.max_plan_rounds + 1):
            last = round_ == self.config.max_plan_rounds
            prompt = f"Instruction: {pack.instruction}\n" + "".join(notes)
            request = ModelRequest(
                self.config.plan_model,
                PLAN_PROMPT,
                prompt,
                context,
                PLAN_TOOLS,
                force_tool="submit_plan" if last else None,
            )
            reply = await self.call("plan", request)
            submitted = [c for c in reply.tool_calls if c.name == "submit_plan"]
            if submitted:
                plan = self._parse_plan(submitted[0].input)
                self.trace.handoffs["edit_plan"] = asdict(plan)
                self.progress(f"planned {len(plan.files)} files")
                return plan
            answered = [await asyncio.to_thread(answer_tool, self.index, c.name, c.input) for c in reply.tool_calls]
            if not answered:
                raise EditFailed("plan", "the planner answered without a plan")
            notes += answered
        raise EditFailed("plan", "no plan after the allowed rounds")

    def _parse_plan(self, data: dict[str, Any]) -> EditPlan:
        raw_files = data.get("files")
        if not isinstance(data.get("summary"), str) or not isinstance(raw_files, list) or not raw_files:
            raise EditFailed("plan", "the plan is malformed: it needs a summary and at least one file")
        planned: list[PlannedFile] = []
        for item in raw_files:
            if not isinstance(item, dict) or item.get("action") not in ("modify", "create", "delete"):
                raise EditFailed("plan", f"the plan has a malformed file entry: {item!r}"[:200])
            rel = checked_path(self.index.workspace, str(item.get("path", "")), "plan")
            exists = (self.index.workspace.root / rel).is_file()
            if item["action"] != "create" and not exists:
                raise EditFailed("plan", f"the plan changes '{rel}', which does not exist")
            if item["action"] == "create" and exists:
                raise EditFailed("plan", f"the plan creates '{rel}', which already exists")
            if any(p.path == rel for p in planned):
                raise EditFailed("plan", f"the plan is malformed: it names '{rel}' twice (one entry per file)")
            planned.append(PlannedFile(rel, item["action"], str(item.get("intent", ""))))
        facts = tuple(str(f) for f in data.get("facts", []) if isinstance(f, str))
        return EditPlan(data["summary"], tuple(planned), facts)

    # --- generate + apply -----------------------------------------------------------------------------------

    async def change(self, instruction: str, plan: EditPlan, item: PlannedFile) -> FileChange:
        """Generate then apply one file: a refusal goes back to the same model once, then up the cascade."""
        found = self.index.current_text(item.path)
        # Models see the file with its secrets masked; the merge works on that text, then puts them back.
        masked = await asyncio.to_thread(mask, item.path, found) if found is not None else None
        current = masked.text if masked else None
        problem = ""
        cascade = self.config.generate_models
        for tier, model in enumerate(cascade, 1):
            for attempt in (1, 2):
                try:
                    sketch = await self.generate(instruction, plan, item, current, model, problem)
                except _BadReply as bad:
                    if tier == len(cascade):
                        raise EditFailed("generate", bad.reason) from bad
                    problem = ""
                    self.progress(f"{bad.reason}; escalating from {model}")
                    break
                try:
                    # Merging and diffing large files is CPU work: keep it off the event loop (the LSP server's).
                    return await asyncio.to_thread(self.apply, item, masked, sketch)
                except ApplyRefused as refusal:
                    rescued = await self.rescue(item, masked, sketch, refusal)
                    if rescued is not None:
                        return rescued
                    problem = refusal.advice()
                    self.progress(f"{item.path}: apply refused ({refusal.reason}); attempt {attempt} with {model}")
        raise EditFailed("apply", f"{item.path}: no model produced an edit that applies: {problem}")

    async def rescue(
        self, item: PlannedFile, masked: Masked | None, sketch: FileSketch, refusal: ApplyRefused
    ) -> FileChange | None:
        """The ``apply_fallback`` model's merge of a refused sketch, if one is configured and its answer passes the
        same checks; the refusal's reason says what it tried otherwise."""
        fallback = self.config.apply_fallback
        if fallback is None or item.action != "modify" or masked is None or refusal.kind == "format":
            return None
        current = masked.text  # the fallback model sees the secrets masked too
        detail = f"{item.path}: structural merge refused ({refusal.reason})"
        try:
            merged = await llm_merge(
                lambda request: self.call("apply", request, detail, raise_model_errors=True),
                fallback,
                item.path,
                current,
                sketch.body,
            )
            result = await asyncio.to_thread(check_llm_merge, item.path, current, merged)
            new_text = unmask(item.path, masked, result.text)
            check_output(item.path, new_text, self.index.workspace.max_file_size_bytes)
        except ApplyRefused as second:
            refusal.reason += f"; the apply fallback {fallback} failed too: {second.reason}"
            return None
        self.progress(f"{item.path}: merged by the apply fallback {fallback}")
        checks = tuple(result.checks)
        return FileChange(
            item.path, "modify", masked.original, new_text, checks, sketch.model, result.tier, item.intent
        )

    async def generate(
        self, instruction: str, plan: EditPlan, item: PlannedFile, current: str | None, model: str, problem: str
    ) -> FileSketch:
        facts = "\n".join(f"- {f}" for f in plan.facts) or "(none)"
        if current is None:
            shown, detail = "The file does not exist yet.\n", f"{item.path}: new file"
        else:
            query = f"{item.intent}\n{instruction}\n{facts}"
            budget = self.config.generate_file_token_budget
            view = await asyncio.to_thread(focused_view, item.path, current, query, budget)  # parsing: off the loop
            body = view.text if view.text.endswith("\n") else view.text + "\n"
            detail = f"{item.path}: {view.shown_lines} of {view.total_lines} lines shown"
            shown = (
                f"Current text ({view.shown_lines} of {view.total_lines} lines: each '... N lines not shown ...' "
                "comment stands for lines left out; write a lazy sketch or SEARCH/REPLACE blocks, never the whole "
                f"file):\n```\n{body}```\n"
                if view.focused
                else f"Current text:\n```\n{body}```\n"
            )
        prompt = (
            f"Instruction: {instruction}\nPlan: {plan.summary}\nFacts:\n{facts}\n"
            f"File: {item.path} ({item.action})\nIntent: {item.intent}\n"
            + shown
            + (f"Your previous edit could not be applied: {problem}\nWrite it again.\n" if problem else "")
        )
        request = ModelRequest(model, GENERATE_PROMPT, prompt, "", GENERATE_TOOLS)
        try:
            reply = await self.call("generate", request, detail, raise_model_errors=True)
        except ModelError as error:
            if error.kind in ESCALATE:
                raise _BadReply(f"{item.path}: {model}: {error.message}") from error
            raise EditFailed("generate", error.message) from error
        expected = {"modify": "edit_file", "create": "create_file", "delete": "delete_file"}[item.action]
        calls = [c for c in reply.tool_calls if c.name == expected]
        if not calls:
            raise _BadReply(f"{item.path}: {model} did not call {expected}")
        named = checked_path(self.index.workspace, str(calls[0].input.get("path", item.path)), "generate")
        if named != item.path:
            raise EditFailed("verify", f"the model edited '{named}', which is not '{item.path}' from the plan")
        body = calls[0].input.get("sketch" if expected == "edit_file" else "content", "")
        if not isinstance(body, str):
            raise EditFailed("generate", f"{item.path}: the {expected} input is malformed")
        self.progress(f"generated {item.path} with {model}")
        return FileSketch(item.path, item.action, body, model)

    def apply(self, item: PlannedFile, masked: Masked | None, sketch: FileSketch) -> FileChange:
        original = masked.original if masked else None
        check_size(item.path, "the sketch", sketch.body, self.index.workspace.max_file_size_bytes)
        if item.action == "delete":
            return FileChange(
                item.path, "delete", original, None, ("planned-delete",), sketch.model, intent=item.intent
            )
        if item.action == "create":
            result = apply_sketch(item.path, "", sketch.body, "full")
            check_output(item.path, result.text, self.index.workspace.max_file_size_bytes)
            return FileChange(
                item.path, "create", None, result.text, tuple(result.checks), sketch.model, intent=item.intent
            )
        result = apply_sketch(item.path, masked.text if masked else "", sketch.body)
        if result.format == "full":
            raise ApplyRefused(item.path, "a full rewrite was sent for an existing file; send a lazy sketch", None)
        new_text = unmask(item.path, masked, result.text) if masked else result.text
        check_output(item.path, new_text, self.index.workspace.max_file_size_bytes)
        return FileChange(
            item.path, "modify", original, new_text, tuple(result.checks), sketch.model, result.tier, item.intent
        )

    # --- model calls, budget, trace -------------------------------------------------------------------------

    async def call(
        self, phase: str, request: ModelRequest, detail: str = "", raise_model_errors: bool = False
    ) -> ModelReply:
        spent = self.trace.cost_usd
        tokens = sum(p.input_tokens + p.output_tokens for p in self.trace.phases)
        if spent >= self.config.max_cost_usd or tokens >= self.config.max_tokens_total:
            raise EditFailed(
                "budget",
                f"the run's budget is spent (${spent:.4f} of ${self.config.max_cost_usd:.2f}, "
                f"{tokens} of {self.config.max_tokens_total} tokens); nothing was delivered",
            )
        try:
            reply = await self.provider.complete(request)
        except ModelError as error:
            if raise_model_errors:
                raise
            raise EditFailed(phase, error.message) from error
        self.trace.phases.append(
            PhaseRecord(
                phase,
                reply.model,
                reply.usage.input_tokens,
                reply.usage.cache_read_tokens,
                reply.usage.output_tokens,
                reply.cost_usd,
                reply.seconds,
                detail,
            )
        )
        return reply


class _BadReply(Exception):
    """A generate reply the next model of the cascade may do better on; ``reason`` is one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def _all_or_cancel(coros: list[Coroutine[Any, Any, FileChange]]) -> list[FileChange]:
    """Run concurrently; on the first failure cancel the others (their model calls stop) and raise it."""
    tasks = [asyncio.ensure_future(c) for c in coros]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        failed = next((t for t in tasks if t.done() and not t.cancelled() and t.exception() is not None), None)
        if failed is not None:
            raise failed.exception()  # type: ignore[misc]
        return [t.result() for t in tasks]
    finally:
        for task in tasks:
            if not task.done():
                task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
