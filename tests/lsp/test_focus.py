"""The editor's active file and selection reach the planner first (polyedit.edit's uri and range)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pygls.uris import from_fs_path

from tests.fakes.anthropic_server import Reply
from tests.lsp.editing import editing_server, execute
from tests.unit.pipeline.test_run import file_of

FILES = {
    "jobs/runner.py": "import x\n\n\ndef fetch(source):\n    return queue.pop()\n",
    "feeds/reader.py": "import x\n\n\ndef fetch(source):\n    return feed.entries\n",
    ".env": "TOKEN=abcdefghijkl\n",
}
PLAN = {"summary": "s", "files": [{"path": "feeds/reader.py", "action": "modify", "intent": "async"}], "facts": []}
SKETCH = "<<<<<<< SEARCH\ndef fetch(source):\n=======\nasync def fetch(source):\n>>>>>>> REPLACE\n"


def model(body: dict[str, Any]) -> Reply:
    if file_of(body) is None:
        return Reply.tool("submit_plan", PLAN)
    return Reply.tool("edit_file", {"path": "feeds/reader.py", "sketch": SKETCH})


def selection(start: int, end: int, end_character: int = 0) -> dict[str, Any]:
    return {"start": {"line": start, "character": 0}, "end": {"line": end, "character": end_character}}


async def test_the_selection_goes_first_and_decides_which_function(tmp_path: Path, cache_dir: Path) -> None:
    root = tmp_path / "ws"
    for rel, text in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    uri = from_fs_path(str(root / "feeds/reader.py"))
    async with editing_server(root, cache_dir, model) as (client, state):
        args = {"instruction": "make this function async", "uri": uri, "range": selection(3, 5)}
        result = await execute(client, args)
        first_plan = json.dumps(state.requests[0], ensure_ascii=False)
        asked = len(state.requests)
        await execute(client, {"instruction": "tidy this", "uri": from_fs_path(str(root / ".env"))})
        second_plan = json.dumps(state.requests[asked], ensure_ascii=False)
    assert result["applied"] is True
    assert (root / "feeds/reader.py").read_text().startswith("import x\n\n\nasync def fetch(source):")
    focus = "The user's selection, feeds/reader.py:4-5 (words like 'this' in the instruction mean it):"
    assert focus in first_plan and first_plan.index(focus) < first_plan.index("Relevant code")
    assert "return feed.entries" in first_plan.split("Relevant code")[0]
    assert "tidy this" in second_plan and "Relevant code" in second_plan  # the second run's plan request
    assert "The user's" not in second_plan and "abcdefghijkl" not in second_plan  # a denied file is no focus
