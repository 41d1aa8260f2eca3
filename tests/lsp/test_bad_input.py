"""Bad input never stops the server: it says what happened and keeps serving."""

from __future__ import annotations

from pathlib import Path

from polyedit.config import Settings
from polyedit.index.service import index_recipe
from polyedit.index.store import workspace_db_path

from tests.lsp.conftest import running_server, search, wait_ready


async def test_corrupt_database_and_wrong_setting_are_reported_and_survived(workspace: Path, cache_dir: Path) -> None:
    db = workspace_db_path(cache_dir, workspace, index_recipe(Settings()))
    db.parent.mkdir(parents=True)
    db.write_bytes(b"definitely not sqlite" * 200)
    (workspace / "bad.py").write_bytes(b"def caf\xe9_lookup():\n    return 1\n")  # invalid UTF-8

    async with running_server(workspace, cache_dir, initialization_options={"debounceMs": "soon"}) as client:
        status = await wait_ready(client)
        messages = [m.message for m in client.messages]
        assert any("rebuilt" in m and db.name in m for m in messages)
        assert any("debounceMs" in m and "using 150" in m for m in messages)
        assert status["files"] == 7
        assert (await search(client, "parse semantic version"))[0]["path"] == "crates/parse.rs"
        assert (await search(client, "lookup", k=10))[0]["path"] == "bad.py"
    assert list(db.parent.glob(f"{db.name}.corrupt-*"))


async def test_bad_search_params_get_an_error_not_a_crash(workspace: Path, cache_dir: Path) -> None:
    from pygls.exceptions import JsonRpcException

    from tests.lsp.conftest import request

    async with running_server(workspace, cache_dir) as client:
        for params in ({"query": ""}, {"query": "x", "k": 0}, {"k": 3}):
            try:
                await request(client, "polyedit/search", params)
            except JsonRpcException as exc:
                assert "polyedit/search" in str(exc)
            else:
                raise AssertionError(f"no error for {params}")
        assert await request(client, "polyedit/indexStatus")
