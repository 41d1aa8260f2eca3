"""``polyedit search``: hybrid search does not wait for the workspace to be embedded; dense-only search does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from polyedit.cli import main

FILLER = 30  # files that match nothing in the query


def workspace(root: Path) -> Path:
    for n in range(FILLER):
        (root / "misc" / f"m{n}.py").parent.mkdir(parents=True, exist_ok=True)
        (root / "misc" / f"m{n}.py").write_text(f"def helper_{n}(a, b):\n    return a * {n} + b\n")
    (root / "net" / "server.go").parent.mkdir(parents=True)
    (root / "net" / "server.go").write_text(
        "package net\n\nfunc (s *Server) Close() error {\n\treturn s.ln.Close()\n}\n"
    )
    return root


@pytest.fixture
def small_budget(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("polyedit.index.service.FIRST_SEARCH_CHUNKS", 8)  # fewer than the workspace's chunks
    monkeypatch.setenv("POLYEDIT_CACHE_DIR", str(tmp_path / "cache"))


@pytest.mark.usefixtures("small_budget")
def test_hybrid_search_answers_before_the_workspace_is_embedded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = workspace(tmp_path / "ws")
    assert main(["search", str(root), "shut down the network server", "-k", "3", "--json"]) == 0
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert found[0]["path"] == "net/server.go" and found[0]["symbol"] == "Close"
    assert main(["search", str(root), "shut down the network server", "-k", "3"]) == 0
    err = capsys.readouterr().err
    assert "chunks not embedded yet, searched without their dense scores ('polyedit index' embeds them all)" in err
    left = int(err.split(" chunks not embedded yet")[0].rsplit(" ", 1)[-1])
    assert 0 < left < FILLER + 1 - 8  # the second search went on where the first stopped, and did not wait


@pytest.mark.usefixtures("small_budget")
def test_dense_search_waits_for_every_vector(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = workspace(tmp_path / "ws")
    assert main(["search", str(root), "shut down the network server", "--mode", "dense", "-k", "1"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("net/server.go:1-5  Close") and "not embedded yet" not in err


@pytest.mark.usefixtures("small_budget")
def test_a_model_that_cannot_load_is_not_blamed_on_waiting(
    tmp_path: Path, user_config_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (user_config_dir / "config.toml").write_text('embedding_model = "/nonexistent/model"\n', encoding="utf-8")
    root = workspace(tmp_path / "ws")
    assert main(["search", str(root), "helper", "-k", "1"]) == 0
    err = capsys.readouterr().err
    assert "'polyedit index' embeds them all" not in err  # it would not: the model does not load (the service's
    # warning says so and why)
