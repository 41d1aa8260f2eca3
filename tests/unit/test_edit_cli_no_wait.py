"""``polyedit edit`` plans as soon as the files are scanned: it does not wait for the workspace to be embedded."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from polyedit.config import Settings
from polyedit.edit_cli import run_edit
from polyedit.index.service import IndexService
from polyedit.index.status import IndexStatus

from tests.fakes.anthropic_server import Reply, fake_anthropic
from tests.fakes.embedder import CountingEmbedder
from tests.unit.pipeline.test_run import FILES, PLAN

FILLER = 60  # files that match nothing in the instruction


class SlowEmbedder(CountingEmbedder):
    """Slower than the real model, so that a workspace this size surely takes longer to embed than the edit to plan."""

    def encode(self, texts: list[str]) -> np.ndarray:
        time.sleep(0.2 * len(texts))  # 63 chunks: ~13 s of work, several times what the edit takes
        return super().encode(texts)


def test_the_plan_request_leaves_before_the_workspace_is_embedded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "ws"
    for rel, text in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    for n in range(FILLER):
        (root / "misc" / f"m{n}.py").parent.mkdir(parents=True, exist_ok=True)
        (root / "misc" / f"m{n}.py").write_text(f"def helper_{n}(a, b):\n    return a * {n} + b\n")
    # A workspace within the first search's budget is embedded whole before planning; this one is made to exceed it.
    monkeypatch.setattr("polyedit.index.service.FIRST_SEARCH_CHUNKS", 8)
    service = IndexService(root, Settings(cache_dir=str(tmp_path / "cache")), embedder=SlowEmbedder())
    at_plan: list[IndexStatus] = []
    in_dense: list[bool] = []

    def route(body: dict[str, Any]) -> Reply:
        at_plan.append(service.status())
        users = [row.id for row in service.store.chunks() if row.path == "app/users.py"]
        in_dense.append(all(chunk_id in service.dense for chunk_id in users))
        return Reply.tool("submit_plan", PLAN)

    with fake_anthropic(route) as (url, _):
        monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test")
        monkeypatch.setenv("ANTHROPIC_BASE_URL", url)
        try:
            code = run_edit(service, "rename fetch_user to load_user", False, True, False)
        finally:
            service.close()
    assert code == 0
    first = at_plan[0]
    assert first.pending > 0 and first.embedded < first.chunks  # planned before the workspace was embedded
    assert in_dense[0]  # ... but the file the instruction is about had its dense scores already
    err = capsys.readouterr().err
    assert re.search(rf"polyedit: \d+ of {first.chunks} chunks embedded: planning now", err)
    assert "chunks still to embed: the next run goes on from here" in err
