"""The planner's tool calls answered from the index: search_code, read_file, find_references.

Each answer is text for the planner's next round. The index holds masked text only, so search and reference answers
carry no secret; read_file masks the file it reads.
"""

from __future__ import annotations

from typing import Any

from polyedit.index import references as reference_index
from polyedit.index.secrets import mask
from polyedit.index.service import IndexService
from polyedit.pipeline.paths import checked_path
from polyedit.pipeline.types import EditFailed

SEARCH_DEFAULT_K = 8
REFERENCES_SHOWN = 60  # lines of one find_references answer; the rest are counted


def answer_tool(index: IndexService, name: str, arguments: dict[str, Any]) -> str:
    if name == "search_code":
        query = str(arguments.get("query", ""))
        k = arguments.get("k")
        hits = index.search(query, k=min(max(k, 1), 20) if isinstance(k, int) else SEARCH_DEFAULT_K)
        body = "\n".join(f"--- {h.path}:{h.start_line}-{h.end_line}\n{h.text}" for h in hits) or "(no results)"
        return f"\nsearch_code({query!r}):\n{body}\n"
    if name == "read_file":
        rel = checked_path(index.workspace, str(arguments.get("path", "")), "plan")
        text = index.current_text(rel)
        shown = mask(rel, text).text if text is not None else "(no such file)"
        return f"\nread_file({rel}):\n{shown}\n"
    if name == "find_references":
        return references(index, str(arguments.get("name", "")))
    raise EditFailed("plan", f"the planner called an unknown tool '{name}'")


def references(index: IndexService, name: str) -> str:
    """Every use of an identifier; a name that is not one is told to the planner, not a failure of the run."""
    try:
        found, total, cut = reference_index.find_references(index.store, name, REFERENCES_SHOWN)
    except ValueError as exc:
        return f"\nfind_references({name!r}): {exc}\n"
    lines = [f"{r.path}:{r.line}: {r.text}" for r in found] or ([] if cut else ["(no uses)"])
    if total > len(found):
        lines.append(f"({total - len(found)} more not shown; search_code can narrow them)")
    if cut:
        lines.append(
            f"(only the {reference_index.CANDIDATE_CHUNKS} chunks most about '{name}' were read: there may be more"
            " uses elsewhere; search_code can narrow them)"
        )
    return f"\nfind_references({name!r}):\n" + "\n".join(lines) + "\n"
