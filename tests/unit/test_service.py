"""The live index service: incremental scans, buffers over disk, embedding reuse, status."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from polyedit.config import Settings
from polyedit.index import service as service_module
from polyedit.index.service import IndexService
from polyedit.index.status import IndexStatus

from tests.fakes.embedder import CountingEmbedder


def open_service(root: Path, cache: Path, embedder: CountingEmbedder, **kw: object) -> IndexService:
    return IndexService(root, Settings(cache_dir=str(cache)), embedder=embedder, **kw)  # type: ignore[arg-type]


def index_fully(service: IndexService) -> None:
    service.scan()
    for batch in _batches(service):
        service.queue.embed(batch)


def _batches(service: IndexService) -> list[list]:  # type: ignore[type-arg]
    pending = service.queue.pending_rows()
    return [pending[i : i + 16] for i in range(0, len(pending), 16)]


def test_unchanged_files_are_not_reread_and_changes_are_picked_up(workspace: Path, tmp_path: Path) -> None:
    service = open_service(workspace, tmp_path / "c", CountingEmbedder())
    first = service.scan()
    assert first.indexed == first.files == 6
    again = service.scan()
    assert again.indexed == 0 and again.removed == 0
    (workspace / "src" / "stats.py").write_text("def median(xs):\n    return sorted(xs)[len(xs) // 2]\n")
    (workspace / "crates" / "parse.rs").unlink()
    third = service.scan()
    assert (third.indexed, third.removed, third.files) == (1, 1, 5)
    assert service.search("median", mode="lexical")[0].path == "src/stats.py"
    service.close()


def test_each_chunking_recipe_keeps_an_index_of_its_own(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chunks made by another chunker version, token budget or masking rules would carry stale line numbers or text
    masked by older rules: each recipe has its own index file, so none is mixed in or served. A server and a CLI run
    that chunk differently each keep theirs (neither wipes the other's), and unchanged texts reuse the cache."""
    cache = tmp_path / "c"
    server = IndexService(workspace, Settings(cache_dir=str(cache), chunk_max_tokens=64), embedder=CountingEmbedder())
    assert server.scan().indexed == 6
    cli = open_service(workspace, cache, CountingEmbedder())
    assert cli.store.db.path != server.store.db.path and cli.notices == []
    assert cli.scan().indexed == 6 and server.scan().indexed == 0  # the server's index is untouched
    for service in (server, cli):
        assert service.search("compute average", mode="lexical")[0].path == "src/stats.py"
    server.close()
    cli.close()
    assert open_service(workspace, cache, CountingEmbedder()).scan().indexed == 0  # the same recipe: the same index
    monkeypatch.setattr(service_module, "MASKING_VERSION", 999)  # newer masking rules: nothing masked before is kept
    masked_again = open_service(workspace, cache, CountingEmbedder())
    assert masked_again.scan().indexed == 6
    masked_again.close()


def test_embeddings_are_reused_after_restart_branch_switch_and_in_a_second_workspace(
    workspace: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "c"
    embedder = CountingEmbedder()
    service = open_service(workspace, cache, embedder)
    index_fully(service)
    total = service.status().chunks
    assert len(embedder.calls) == total and service.status().embedded == total
    service.close()

    # Restart: nothing is embedded again, every chunk gets its vector from the cache.
    embedder.calls.clear()
    service = open_service(workspace, cache, embedder)
    service.scan()
    assert embedder.calls == [] and service.status() == IndexStatus("ready", 6, total, total, 0)

    # Branch switch: a file changes and changes back; only the new version's chunk is embedded, once.
    stats = workspace / "src" / "stats.py"
    original = stats.read_text()
    stats.write_text(original + "\n\ndef mode_of(xs):\n    return max(set(xs), key=xs.count)\n")
    index_fully(service)
    embedded_for_branch = len(embedder.calls)
    assert 1 <= embedded_for_branch <= 2
    stats.write_text(original)
    index_fully(service)
    assert len(embedder.calls) == embedded_for_branch
    service.close()

    # A second workspace with the same files shares the embedding cache.
    embedder.calls.clear()
    second = tmp_path / "second" / "ws"
    shutil.copytree(workspace, second)
    service = open_service(second, cache, embedder)
    index_fully(service)
    assert embedder.calls == []
    service.close()


def test_buffer_text_wins_over_disk_until_closed(workspace: Path, tmp_path: Path) -> None:
    service = open_service(workspace, tmp_path / "c", CountingEmbedder())
    service.scan()
    service.set_buffer("src/stats.py", "def unsaved_helper_function():\n    pass\n")
    service.scan()  # a rescan must not replace the open buffer with the disk's text
    assert service.search("unsaved helper", mode="lexical")[0].path == "src/stats.py"
    service.close_buffer("src/stats.py")
    assert all("unsaved_helper" not in r.text for r in service.search("unsaved helper", mode="lexical"))
    service.set_buffer("src/new_file.py", "def brand_new_thing():\n    pass\n")  # never saved
    assert service.search("brand new thing", mode="lexical")[0].path == "src/new_file.py"
    service.close_buffer("src/new_file.py")
    assert service.search("brand new thing", mode="lexical") == []
    service.close()


def test_buffers_of_secret_or_ignored_files_are_not_indexed(workspace: Path, tmp_path: Path) -> None:
    service = open_service(workspace, tmp_path / "c", CountingEmbedder())
    service.scan()
    service.set_buffer(".env", "TOKEN=zqxsecretzqx\n")
    service.set_buffer("build/out.py", "def zqxbuiltzqx(): pass\n")
    assert service.search("zqxsecretzqx", mode="lexical") == []
    assert service.search("zqxbuiltzqx", mode="lexical") == []
    service.close()


def test_status_reports_pending_then_ready(workspace: Path, tmp_path: Path) -> None:
    seen: list[IndexStatus] = []
    service = open_service(workspace, tmp_path / "c", CountingEmbedder(), on_status=seen.append)
    during: list[IndexStatus] = []
    service.scan(lambda done, total: during.append(service.status()))
    assert [(s.state, s.scanned, s.scan_total) for s in during] == [("indexing", n, 6) for n in range(1, 7)]
    assert service.status().state == "embedding" and service.status().pending > 0
    assert (service.status().scanned, service.status().scan_total) == (0, 0)
    index_fully(service)
    assert service.status().state == "ready"
    assert [s.state for s in seen][-1] == "ready" and "indexing" in [s.state for s in seen]
    service.close()


def test_worker_reports_a_model_that_cannot_load(workspace: Path, tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path / "c"), embedding_model=str(tmp_path / "no-such-model"))
    service = IndexService(workspace, settings)
    service.scan()
    service.start_embedding()
    service.wait_idle(timeout_s=60)
    status = service.status()
    assert status.state == "error" and status.message and "cannot load embedding model" in status.message
    assert service.search("user", mode="lexical")  # lexical search still works
    service.close()


@pytest.mark.parametrize("mode", ["hybrid", "dense"])
def test_dense_search_uses_vectors(workspace: Path, tmp_path: Path, mode: str) -> None:
    service = open_service(workspace, tmp_path / "c", CountingEmbedder())
    index_fully(service)
    assert service.search("parse version", mode=mode)[0].path == "crates/parse.rs"  # type: ignore[arg-type]
    service.close()


@pytest.mark.parametrize("mode", ["hybrid", "lexical", "dense"])
def test_each_part_of_a_query_is_searched_too(workspace: Path, tmp_path: Path, mode: str) -> None:
    embedder = CountingEmbedder()
    service = open_service(workspace, tmp_path / "c", embedder)
    index_fully(service)
    embedder.calls.clear()
    query = "Parse the version string; fetch the user by email"
    results = service.search(query, k=2, mode=mode)  # type: ignore[arg-type]
    assert {r.path for r in results} == {"crates/parse.rs", "src/users.py"}
    if mode != "lexical":
        assert embedder.calls == [query, "Parse the version string", "fetch the user by email"]
    service.close()


def test_only_the_instruction_is_split_into_parts_not_the_selection_after_it(workspace: Path, tmp_path: Path) -> None:
    embedder = CountingEmbedder()
    service = open_service(workspace, tmp_path / "c", embedder)
    index_fully(service)
    embedder.calls.clear()
    instruction = "Make this faster"
    query = f"{instruction}\nx = load(); y = parse(x); return y"  # a selection of code: no parts in it
    service.search(query, k=2, parts_of=instruction)
    assert embedder.calls == [query]
    service.close()


def test_a_search_that_cannot_wait_embeds_its_best_candidates_and_the_focus_first(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedder = CountingEmbedder()
    service = open_service(workspace, tmp_path / "c", embedder)
    service.scan()
    total = service.status().pending
    # Within the first search's budget a workspace is embedded whole; this one is made to exceed it (and without
    # the bundled model there is no static tier to fill the budget: test_static_tier.py).
    monkeypatch.setattr("polyedit.index.service.FIRST_SEARCH_CHUNKS", total - 1)
    results = service.search("parse version", embed_missing=True, favour=("web/cart.ts",))
    assert results[0].path == "crates/parse.rs"
    status = service.status()
    assert embedder.calls[-1] == "parse version"  # the query, after the chunks it needed
    assert 0 < len(embedder.calls) - 1 == status.embedded < total and status.pending == total - status.embedded
    left = {row.path for row in service.queue.pending_rows()}
    assert "web/cart.ts" not in left and "crates/parse.rs" not in left  # the focus and the best candidates
    assert left, "chunks that neither matched nor are in focus wait for the background worker"
    service.close()


def test_a_model_that_cannot_load_leaves_an_edit_search_lexical(workspace: Path, tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path / "c"), embedding_model=str(tmp_path / "no-such-model"))
    service = IndexService(workspace, settings)
    service.scan()
    assert service.search("parse version", embed_missing=True)[0].path == "crates/parse.rs"
    service.close()


def test_a_chunk_embedded_during_a_search_keeps_its_place(workspace: Path, tmp_path: Path) -> None:
    """The worker may attach a typed chunk's vector while a search runs: read between the dense index and the
    queue, the chunk was in neither ranking and fell below every dense-only result (a flaky LSP test showed it)."""
    service = open_service(workspace, tmp_path / "c", CountingEmbedder())
    index_fully(service)
    typed_text = (Path(workspace) / "src/stats.py").read_text() + "\n\ndef geometric_mean(samples):\n    return 0\n"
    service.set_buffer("src/stats.py", typed_text)  # one chunk, named after the file's first function
    typed = service.queue.pending_rows()
    assert [r.path for r in typed] == ["src/stats.py"]
    real_search = service.dense.search_many

    def search_while_the_worker_attaches(vectors, k):  # type: ignore[no-untyped-def]
        found = real_search(vectors, k)
        worker = threading.Thread(target=service.queue.embed, args=(typed,))
        worker.start()
        worker.join(timeout=0.5)  # it waits for the search's look at the queue to end, if the search holds it
        return found

    service.dense.search_many = search_while_the_worker_attaches  # type: ignore[method-assign]
    results = service.search("geometric mean of samples", load_model=True)
    assert "def geometric_mean" in results[0].text
    service.close()


def test_a_query_searched_again_is_embedded_once(workspace: Path, tmp_path: Path) -> None:
    embedder = CountingEmbedder()
    service = open_service(workspace, tmp_path / "c", embedder)
    index_fully(service)
    embedder.calls.clear()
    first = service.search("fetch the user by email", k=3)
    again = service.search("fetch the user by email", k=3)
    assert first == again and embedder.calls == ["fetch the user by email"]
    service.close()
