"""What the planner reads first: the user's focus, then the retrieved code, then the file list."""

from __future__ import annotations

from polyedit.pipeline.types import ContextPack, Focus


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
