"""End to end through a real LSP client against ``polyedit serve`` with the real embedding model."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path

from tests.lsp.conftest import request, running_server, search, wait_ready


def _uri(path: Path) -> str:
    return from_fs_path(str(path)) or ""


async def test_natural_language_query_finds_the_function(workspace: Path, cache_dir: Path) -> None:
    async with running_server(workspace, cache_dir) as client:
        status = await wait_ready(client)
        assert status["files"] == 6 and status["pending"] == 0 and status["embedded"] == status["chunks"]

        results = await search(client, "look up a user by their e-mail address", k=3)
        assert results[0]["path"] == "src/users.py"
        assert results[0]["symbol"] in ("UserRepository", "UserRepository.fetch_user_by_email")
        assert set(results[0]) == {"path", "start_line", "end_line", "symbol", "score", "text"}

        results = await search(client, "endpoint that answers health probes", k=3)
        assert results[0]["path"] == "cmd/server.go"

        # Work-done progress ran for the initial indexing: begin, reports, end.
        kinds = [type(v).__name__ for values in client.progress_reports.values() for v in values]
        assert kinds[0] == "WorkDoneProgressBegin" and kinds[-1] == "WorkDoneProgressEnd"


async def test_unsaved_function_is_found_then_gone_after_close(workspace: Path, cache_dir: Path) -> None:
    path = workspace / "src" / "stats.py"
    original = path.read_text()
    async with running_server(workspace, cache_dir) as client:
        await wait_ready(client)
        uri = _uri(path)
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "python", 1, original))
        )
        added = "\n\ndef geometric_mean_of_samples(samples):\n    return prod(samples) ** (1 / len(samples))\n"
        end = types.Position(line=len(original.splitlines()), character=0)
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[types.TextDocumentContentChangePartial(range=types.Range(end, end), text=added)],
            )
        )
        hits = await search(client, "geometric mean of samples", k=3)
        # Small neighbouring functions share a chunk, so look for the definition in the top hit's text.
        assert hits[0]["path"] == "src/stats.py" and "def geometric_mean_of_samples" in hits[0]["text"]
        assert path.read_text() == original  # the buffer was indexed, the disk untouched

        client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
        hits = await search(client, "geometric mean of samples", k=10)
        assert hits and all("geometric_mean_of_samples" not in h["text"] for h in hits)


async def test_file_deleted_on_disk_disappears_after_watched_files_event(workspace: Path, cache_dir: Path) -> None:
    async with running_server(workspace, cache_dir) as client:
        await wait_ready(client)
        assert any(r["path"] == "crates/parse.rs" for r in await search(client, "parse semantic version"))
        assert any(r.method == "workspace/didChangeWatchedFiles" for r in client.registrations)  # type: ignore[attr-defined]

        target = workspace / "crates" / "parse.rs"
        target.unlink()
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=_uri(target), type=types.FileChangeType.Deleted)]
            )
        )
        assert all(r["path"] != "crates/parse.rs" for r in await search(client, "parse semantic version"))
        status = await request(client, "polyedit/indexStatus")
        assert status.files == 5


async def test_restart_embeds_nothing(workspace: Path, cache_dir: Path) -> None:
    async with running_server(workspace, cache_dir) as client:
        first = await wait_ready(client)
    assert first["newly_embedded"] == first["chunks"] > 0
    async with running_server(workspace, cache_dir) as client:
        second = await wait_ready(client)
    assert second["newly_embedded"] == 0
    assert second["embedded"] == second["chunks"] == first["chunks"]


async def test_secrets_ignored_files_and_escaping_symlinks_never_reach_the_database(
    workspace: Path, cache_dir: Path, tmp_path: Path
) -> None:
    (workspace / ".env").write_text("API_TOKEN=sk-live-secret-env\n")
    (workspace / "id_rsa").write_text("-----BEGIN OPENSSH PRIVATE KEY----- secret-rsa\n")
    (workspace / "build").mkdir()
    (workspace / "build" / "generated.py").write_text("def generated_secret_ignored(): pass\n")
    (workspace / "debug.log").write_text("secret-log-line\n")
    outside = tmp_path / "outside.py"
    outside.write_text("def outside_secret_function(): pass\n")
    (workspace / "src" / "link.py").symlink_to(outside)
    # A .gitignore that tries to re-include a secret does not beat the deny-list.
    (workspace / ".gitignore").write_text("build/\n*.log\n!.env\n")

    async with running_server(workspace, cache_dir) as client:
        await wait_ready(client)

    [db_path] = list(cache_dir.glob("workspaces/*/index-*.sqlite"))
    conn = sqlite3.connect(db_path)
    paths = {row[0] for row in conn.execute("SELECT path FROM files")}
    texts = " ".join(row[0] for row in conn.execute("SELECT text FROM chunks"))
    fts = " ".join(row[0] for row in conn.execute("SELECT code FROM chunks_fts"))
    conn.close()
    assert paths == {
        ".gitignore",
        "src/users.py",
        "src/stats.py",
        "web/cart.ts",
        "cmd/server.go",
        "crates/parse.rs",
    }
    for secret in (
        "secret-env",
        "secret-rsa",
        "generated_secret_ignored",
        "secret-log-line",
        "outside_secret",
    ):
        assert secret not in texts
    assert "secret" not in fts
