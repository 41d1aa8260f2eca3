"""What the planner reads first: the user's focus, then the retrieved code, then an outline of the workspace.

The outline lists the workspace's files and, for the files near the work (the focus, the files of the retrieved
code, the next files of the search's ranking, then their neighbours in the same directories), the names of their
top-level definitions: a planner that sees
``tests/test_cache.py: test_expiry, test_eviction`` beside ``cache.py`` can name the test that a change needs
without a search round.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from polyedit.apply.structure import top_level_names
from polyedit.index.secrets import mask
from polyedit.pipeline.types import ContextPack, FileOutline, Focus, Snippet

if TYPE_CHECKING:
    from polyedit.index.service import IndexService

OUTLINE_FILES = 400  # paths listed; the files near the work are always among them
OUTLINE_NAMED_FILES = 40  # files whose definitions are named
OUTLINE_RANKED_FILES = 20  # files near the work by the search's ranking (with the focus and the snippets' files)
RANKED_CHUNKS = 100  # chunks of the ranking read to find them
OUTLINE_NAMES_PER_FILE = 12
_LITERAL = re.compile("[\"'`]")  # a name holding a string literal (a test's label) may hold a secret


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


def search_query(instruction: str, focus: Focus | None = None) -> str:
    """What retrieval searches for: the instruction, and the selection's text ("make this async" names nothing)."""
    return f"{instruction}\n{focus.text[:2000]}" if focus and focus.text else instruction


def files_near(
    index: IndexService, instruction: str, snippets: tuple[Snippet, ...], focus: Focus | None = None
) -> list[str]:
    """The files near the work, nearest first: the focus, the files of the snippets, then the next files of the
    search's ranking (a budget of a few large snippets can hold fewer files than the planner should know of)."""
    favour = (focus.path,) if focus else ()
    ranked = index.search(search_query(instruction, focus), k=RANKED_CHUNKS, favour=favour, parts_of=instruction)
    found = [*([focus.path] if focus else []), *(s.path for s in snippets)]
    for result in ranked:
        if len(set(found)) >= OUTLINE_RANKED_FILES:
            break
        found.append(result.path)
    return list(dict.fromkeys(found))


def workspace_outline(index: IndexService, near: Sequence[str]) -> tuple[FileOutline, ...]:
    """Every indexed file up to OUTLINE_FILES (sorted by path), the files near the work (``near``, nearest first,
    then their neighbours in the same folders) always among them and named with their definitions (not a file
    larger than max_file_size_bytes, which the index does not read either)."""
    paths = sorted(index.store.file_states())
    near = list(dict.fromkeys(near))
    folders = list(dict.fromkeys(p.rpartition("/")[0] for p in near))
    near += [p for folder in folders for p in paths if p.rpartition("/")[0] == folder and p not in near]
    named = set(near[:OUTLINE_NAMED_FILES])
    listed = sorted({*named, *paths[: max(OUTLINE_FILES - len(named), 0)]})
    outline = []
    for path in listed:
        text = _readable_text(index, path) if path in named else None
        # A file larger than the index reads (the user's active file may be) is not parsed either: seconds for 5 MB.
        if text is not None and len(text) > index.settings.max_file_size_bytes:
            text = None
        names = definition_names(path, text) if text is not None else []
        shown = tuple(names[:OUTLINE_NAMES_PER_FILE])
        outline.append(FileOutline(path, shown, len(names) - len(shown)))
    return tuple(outline)


def _readable_text(index: IndexService, path: str) -> str | None:
    """The file's current text, or None when it cannot be read now (removed or made unreadable since the scan): the
    outline is context, and one file must not fail the run."""
    try:
        return index.current_text(path)
    except OSError:
        return None


def definition_names(path: str, text: str) -> list[str]:
    """Names of the file's top-level definitions in file order (a class, not its methods: the planner reads the
    file when it needs more), or, when the top level names fewer than two, also those inside its wrapper (a lone
    class's methods, a namespace's, a bundle's: ``structure.top_level_names``); none without a grammar. Names
    only, never values: ``API_KEY`` may be shown, what it is set to never is. A test's name holds its label, a
    string literal (``describe('refuses <token>')``): when one is named, the names are read again from the masked
    text, as the index holds it (masking every file costs about 4 ms per 10 KB, so only then)."""
    names = top_level_names(path, text)
    if any(_LITERAL.search(name) for name in names):
        return top_level_names(path, mask(path, text).text)
    return names


def render_context(pack: ContextPack) -> str:
    parts = [render_focus(pack.focus)] if pack.focus else []
    parts += ["Relevant code (from the workspace index):"]
    parts += [f"--- {s.path}:{s.start_line}-{s.end_line}\n{s.text}" for s in pack.snippets]
    parts.append("Files in the workspace (with their definitions, for the files near this work):")
    parts += [render_file(entry) for entry in pack.outline]
    return "\n".join(parts)


def render_file(entry: FileOutline) -> str:
    if not entry.symbols:
        return entry.path
    more = f", and {entry.more} more" if entry.more else ""
    return f"{entry.path}: {', '.join(entry.symbols)}{more}"


def render_focus(focus: Focus) -> str:
    if focus.start_line is None or not focus.text:
        return f"The user's active file: {focus.path}. Words like 'this file' in the instruction mean it.\n"
    return (
        f"The user's selection, {focus.path}:{focus.start_line}-{focus.end_line} (words like 'this' in the "
        f"instruction mean it):\n{focus.text}\n"
    )
