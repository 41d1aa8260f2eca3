"""The ``polyedit.edit`` command: run the pipeline with work-done progress, then deliver one ``WorkspaceEdit``.

Nothing is sent if any file failed, if the run was cancelled, or if a document changed after the pipeline read
it. After the editor answers, the server checks what the editor really has (some clients answer ``applied: true``
after skipping a stale edit).
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from polyedit.lsp.convert import field, uri_to_rel
from polyedit.lsp.delivery import (
    CONTROL,
    CannotDeliver,
    annotations_supported,
    build_workspace_edit,
    confirmation_question,
    must_confirm,
    review_of,
)
from polyedit.models.registry import build_models
from polyedit.pipeline.context import focus_on
from polyedit.pipeline.run import EditRun, run_config
from polyedit.pipeline.traces import save_edit, save_trace
from polyedit.pipeline.types import EditFailed, FileChange, Focus, RunTrace

if TYPE_CHECKING:
    from polyedit.index.service import IndexService
    from polyedit.lsp.server import PolyeditServer

log = logging.getLogger(__name__)

EDIT_COMMAND = "polyedit.edit"
LAST_RUN = "polyedit/lastRun"
COMMENT_PREFIX = "polyedit:"
APPLY = "Apply"
CONFIRM_WAIT_S = 3.0  # how long an editor may take to report the documents an applied edit changed


async def run_edit_command(ls: PolyeditServer, args: dict[str, Any]) -> dict[str, Any]:
    instruction = field(args, "instruction")
    if not isinstance(instruction, str) or not instruction.strip():
        raise ValueError("polyedit.edit needs an 'instruction' (clients ask the user for it)")
    index = await ls.service()
    await ls.settle()
    client_token = field(args, "progressToken")
    token = await ls.create_progress(
        "Multi-file edit", cancellable=True, token=client_token if isinstance(client_token, str) else None
    )
    task = asyncio.current_task()

    def report(message: str) -> None:
        if token is not None:
            ls.work_done_progress.report(token, types.WorkDoneProgressReport(message=message))

    if token is not None and task is not None and token in ls.work_done_progress.tokens:
        ls.work_done_progress.tokens[token].add_done_callback(
            lambda future: task.cancel() if future.cancelled() else None
        )
    models = build_models(ls.settings)
    for notice in models.notices:
        ls.tell_once(f"polyedit: {notice}")
    run = EditRun(index, models.router, run_config(ls.settings), report)
    ls.last_run = run.trace
    changes: list[FileChange] = []
    try:
        missing = models.missing_keys()
        if missing:  # before anything is sent anywhere: the run cannot finish without every role's key
            run.trace.outcome, run.trace.error = "failed", " ".join(missing)
            raise EditFailed("models", " ".join(missing))
        changes = await run.run(instruction, focus_of(index, field(args, "uri"), field(args, "range")))
        result = await deliver(ls, instruction, changes)
        record_delivery(run.trace, result)
    except EditFailed as failure:
        result = {"applied": False, "reason": str(failure)}
    except asyncio.CancelledError:
        run.trace.outcome, run.trace.error = "cancelled", "cancelled by the user"
        result = {"applied": False, "reason": "cancelled: nothing was changed"}
    finally:
        ls.last_run = run.trace
        trace_path = save_trace(ls.settings, run.trace)
        if token is not None:
            ls.work_done_progress.end(token, types.WorkDoneProgressEnd(message="done"))
    if changes and not result["applied"]:  # the models' work is kept: 'polyedit write' can write it later
        try:
            result["kept"] = str(save_edit(ls.settings, trace_path, index.workspace.root, changes))
        except OSError as exc:
            log.warning("could not keep the edit beside %s: %s", trace_path, exc)
    text = summary(run.trace, result)
    if not field(args, "quiet", False):  # a client that shows the result itself asks for no message
        ls.tell(text, types.MessageType.Info if result["applied"] else types.MessageType.Error)
    return {**result, "cost_usd": run.trace.cost_usd, "summary": text}


async def deliver(ls: PolyeditServer, instruction: str, changes: list[FileChange]) -> dict[str, Any]:
    index = await ls.service()
    await ls.settle()
    # settle() has brought every open buffer into the index, so the index knows what the editor shows.
    stale = [c.path for c in changes if c.action != "create" and index.current_text(c.path) != c.old_text]
    if stale:
        return {"applied": False, "reason": f"{', '.join(stale)} changed while the edit was prepared; run it again"}
    encoding = str(ls.workspace.position_encoding or "utf-16")
    try:
        edit = build_workspace_edit(
            index.workspace.root,
            changes,
            lambda uri: ls.workspace.text_documents[uri].version if uri in ls.workspace.text_documents else None,
            ls.client_capabilities,
            encoding if encoding in ("utf-8", "utf-32") else "utf-16",  # type: ignore[arg-type]
            ls.settings.confirm_changes,
            ls.client_name,
        )
    except CannotDeliver as problem:
        return {"applied": False, "reason": str(problem)}
    if not annotations_supported(ls.client_capabilities):
        refusal = await confirm_by_question(ls, instruction, changes)
        if refusal:
            return {"applied": False, "reason": refusal}
    answer = await ls.workspace_apply_edit_async(
        types.ApplyWorkspaceEditParams(edit=edit, label=f"PolyEdit: {instruction[:80]}")
    )
    if not answer.applied:
        return {"applied": False, "reason": f"the editor did not apply the edit: {answer.failure_reason or 'declined'}"}
    missing = await not_shown(ls, changes)
    if len(missing) == len(changes):
        return {"applied": False, "reason": f"the editor reported success but shows none of it: {', '.join(missing)}"}
    files = [c.path for c in changes if c.path not in missing]
    if missing:  # e.g. the user unchecked them in VS Code's refactor preview
        return {"applied": True, "partial": True, "files": files, "skipped": missing}
    return {"applied": True, "files": files}


def focus_of(index: IndexService, uri: Any, selection: Any) -> Focus | None:
    """The active file and the whole lines of the selection, from the command's ``uri`` and ``range`` (LSP
    positions, 0-based; a selection ending at column 0 ends on the line before)."""
    rel = uri_to_rel(index.workspace, uri) if isinstance(uri, str) else None
    if rel is None:
        return None
    start, end = field(selection, "start"), field(selection, "end")
    first, last = field(start, "line"), field(end, "line")
    if start == end or not isinstance(first, int) or not isinstance(last, int):  # nothing selected: the file
        return focus_on(index, rel)
    if last > first and field(end, "character") == 0:
        last -= 1
    return focus_on(index, rel, first + 1, last + 1)


def record_delivery(trace: RunTrace, result: dict[str, Any]) -> None:
    """What reached the editor goes into the run's trace (``polyedit/lastRun``), a partial edit named as one."""
    if not result["applied"]:
        trace.outcome, trace.error = "not applied", result["reason"]
    elif result.get("partial"):
        trace.outcome = "partial"
    trace.handoffs["delivery"] = {"applied": result.get("files", []), "left_out": result.get("skipped", [])}


async def confirm_by_question(ls: PolyeditServer, instruction: str, changes: list[FileChange]) -> str | None:
    """Ask with window/showMessageRequest when the client has no refactor preview; the reason if not to apply."""
    if not must_confirm(changes, ls.settings.confirm_changes):
        return None
    window = ls.client_capabilities.window
    if window is None or window.show_message is None:
        control = [c.path for c in changes if review_of(c) is CONTROL]
        if control:
            return f"{', '.join(control)} need confirmation, and this editor cannot ask for it; nothing was changed"
        return None  # nothing to ask with: the policy applies only where the editor can ask
    params = types.ShowMessageRequestParams(
        type=types.MessageType.Info,
        message=confirmation_question(instruction, changes),
        actions=[types.MessageActionItem(title=APPLY), types.MessageActionItem(title="Cancel")],
    )
    answer = await ls.window_show_message_request_async(params)
    return None if answer is not None and answer.title == APPLY else "declined: nothing was changed"


async def not_shown(ls: PolyeditServer, changes: list[FileChange]) -> list[str]:
    """Files whose text, as the editor reports it (open documents) or as the disk has it, is not what the edit made.

    Clients may answer applied: true before they send the didChange (Neovim debounces it by 150 ms), and Neovim
    answers applied: true after skipping a stale edit, so wait a little for the documents before judging."""
    index = await ls.service()
    deadline = asyncio.get_running_loop().time() + CONFIRM_WAIT_S
    while True:
        await ls.settle()
        missing = [c.path for c in changes if index.current_text(c.path) != c.new_text]
        if not missing or asyncio.get_running_loop().time() > deadline:
            return missing
        await asyncio.sleep(0.05)


def summary(trace: RunTrace, result: dict[str, Any]) -> str:
    phases = "; ".join(
        f"{p.phase} {p.input_tokens}+{p.output_tokens} tok ${p.cost_usd:.4f} {p.seconds:.1f}s" for p in trace.phases
    )
    if not result["applied"]:
        kept = f" The edit is kept: 'polyedit write {result['kept']}' writes it." if "kept" in result else ""
        return f"PolyEdit changed nothing: {result['reason']} (${trace.cost_usd:.4f}; {phases}).{kept}"
    files, skipped = result["files"], result.get("skipped", [])
    if skipped:
        return (
            f"PolyEdit changed {len(files)} of {len(files) + len(skipped)} planned files: the change is partial; "
            f"left out: {', '.join(skipped)} (${trace.cost_usd:.4f}; {phases})"
        )
    return f"PolyEdit changed {len(files)} files (${trace.cost_usd:.4f}): {phases}"


def code_actions(ls: PolyeditServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    """'Apply this instruction' when the selection or a 'polyedit:' comment holds one; always 'multi-file edit…'."""
    uri = params.text_document.uri
    actions = [
        types.CodeAction(
            title="PolyEdit: multi-file edit…",
            kind=types.CodeActionKind.Refactor,
            command=types.Command(title="PolyEdit: multi-file edit…", command=EDIT_COMMAND, arguments=[{"uri": uri}]),
        )
    ]
    document = ls.workspace.text_documents.get(uri)
    if document is None:
        return actions
    rng = params.range
    lines = document.lines
    selected = ""
    if rng.start != rng.end:
        chunk = lines[rng.start.line : rng.end.line + 1]
        selected = "".join(chunk).strip()
    line = lines[rng.start.line] if rng.start.line < len(lines) else ""
    comment = line.split(COMMENT_PREFIX, 1)[1].strip() if COMMENT_PREFIX in line else ""
    instruction = comment or selected
    if instruction:
        arguments = [{"instruction": instruction, "uri": uri}]
        actions.insert(
            0,
            types.CodeAction(
                title="PolyEdit: apply this instruction across files",
                kind=types.CodeActionKind.RefactorRewrite,
                command=types.Command(
                    title="PolyEdit: apply this instruction across files", command=EDIT_COMMAND, arguments=arguments
                ),
            ),
        )
    return actions
