"""What the planner reads first: the user's focus, then the retrieved code, then the file list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from polyedit.pipeline.types import ContextPack, Focus

if TYPE_CHECKING:
    from polyedit.index.service import IndexService


def focus_on(
    index: IndexService, rel: str, first_line: int | None = None, last_line: int | None = None
) -> Focus | None:
    """The focus for a workspace file and, optionally, its lines ``first_line``..``last_line`` (1-based, inclusive);
    None when polyedit may not read the file (a secret, an ignored file)."""
    if index.workspace.exclusion_reason(rel) is not None:
        return None
    text = index.current_text(rel)
    if text is None or first_line is None or last_line is None or last_line < first_line or first_line < 1:
        return Focus(rel)
    lines = text.split("\n")[first_line - 1 : last_line]
    return Focus(rel, first_line, first_line + len(lines) - 1, "\n".join(lines)) if lines else Focus(rel)


def render_context(pack: ContextPack) -> str:
    parts = [render_focus(pack.focus)] if pack.focus else []
    parts += ["Relevant code (from the workspace index):"]
    parts += [f"--- {s.path}:{s.start_line}-{s.end_line}\n{s.text}" for s in pack.snippets]
    parts.append("Files in the workspace:\n" + "\n".join(pack.outline))
    return "\n".join(parts)


def render_focus(focus: Focus) -> str:
    if focus.start_line is None or not focus.text:
        return f"The user's active file: {focus.path}. Words like 'this file' in the instruction mean it.\n"
    return (
        f"The user's selection, {focus.path}:{focus.start_line}-{focus.end_line} (words like 'this' in the "
        f"instruction mean it):\n{focus.text}\n"
    )
