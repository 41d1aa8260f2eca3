"""The first-pass static tier: distilled once from the ONNX model, it chooses what an edit's first search embeds."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from polyedit.config import Settings
from polyedit.index import service as service_module
from polyedit.index import static_tier
from polyedit.index.embedder import make_embedder
from polyedit.index.onnx_embedder import OnnxEmbedder
from polyedit.index.service import IndexService
from polyedit.index.static_tier import STATIC_DIM, StaticTier
from polyedit.index.store import ChunkRow
from tokenizers import Tokenizer

CODE = {
    "net/server.go": "package net\n\nfunc (s *Server) Close() error {\n\treturn s.listener.Close()\n}\n",
    "util/debounce.ts": "export function debounce(fn: () => void, ms: number) {\n  let timer: number | undefined;\n}\n",
    "shop/cart.py": "def cart_total(items):\n    return sum(item.price * item.count for item in items)\n",
    "text/slug.py": "def slugify(title):\n    return '-'.join(title.lower().split())\n",
    "color/rgb.rs": 'pub fn to_hex(r: u8, g: u8, b: u8) -> String {\n    format!("#{:02x}{:02x}{:02x}", r, g, b)\n}\n',
    "auth/token.py": "def token_expired(token, now):\n    return token.expires_at <= now\n",
}
QUERY = "shut down the network socket"  # no word of it in the code: lexical search finds nothing


@pytest.fixture(scope="module")
def onnx() -> OnnxEmbedder:
    embedder = make_embedder(Settings())
    assert isinstance(embedder, OnnxEmbedder)
    return embedder


def rows(texts: list[str]) -> list[ChunkRow]:
    return [ChunkRow(i + 1, f"f{i}.txt", 1, 2, None, "", text, f"h{i}") for i, text in enumerate(texts)]


def test_is_distilled_once_per_model_and_ranks_by_meaning(onnx: OnnxEmbedder) -> None:
    tier = StaticTier.for_embedder(onnx)
    table = static_tier.table_path(onnx)
    assert table.parent == onnx.models_dir and onnx.key in table.name and static_tier.RECIPE in table.name
    assert tier.table.shape == (tier.tokenizer.get_vocab_size(), STATIC_DIM) and table.is_file()
    made = table.stat().st_mtime_ns
    StaticTier.for_embedder(onnx)
    assert table.stat().st_mtime_ns == made  # read, not made again
    chunks = rows(list(CODE.values()))
    order = tier.rank("sum the prices of the items in the shopping cart", chunks)
    assert sorted(order) == [r.id for r in chunks] and order[0] == 3


def test_remembers_vectors_until_a_chunk_changes(onnx: OnnxEmbedder, monkeypatch: pytest.MonkeyPatch) -> None:
    tier = StaticTier.for_embedder(onnx)
    encoded: list[str] = []
    real = tier.encode
    monkeypatch.setattr(tier, "encode", lambda texts: encoded.extend(texts) or real(texts))
    chunks = rows(list(CODE.values()))
    tier.rank("x", chunks)
    tier.rank("y", chunks)
    changed = ChunkRow(1, "f0.txt", 1, 2, None, "", "def changed(): pass\n", "new-hash")
    tier.rank("z", [changed, *chunks[1:]])
    # It ranks what MiniLM will embed: a chunk's header line and its text.
    assert encoded == [*(r.embed_text for r in chunks), "x", "y", changed.embed_text, "z"]


def test_too_many_chunks_are_not_ranked(onnx: OnnxEmbedder, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(static_tier, "MAX_RANKED", 3)
    assert StaticTier.for_embedder(onnx).rank("q", rows(list(CODE.values()))) == []
    assert StaticTier.for_embedder(onnx).rank("q", []) == []


def code_workspace(root: Path) -> Path:
    for rel, text in CODE.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def first_search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[IndexService, list[str]]:
    """An edit's first search on a workspace never embedded, allowed to embed 2 of its 6 chunks."""
    monkeypatch.setattr(service_module, "FIRST_SEARCH_CHUNKS", 2)
    service = IndexService(code_workspace(tmp_path / "ws"), Settings(cache_dir=str(tmp_path / "cache")))
    service.scan()
    assert len(service.queue) == len(CODE)
    return service, [r.path for r in service.search(QUERY, k=3, embed_missing=True)]


def test_the_first_search_embeds_the_static_tiers_best_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    service, found = first_search(tmp_path, monkeypatch)
    assert found[0] == "net/server.go"
    assert len(service.queue) == len(CODE) - 2  # the budget, no more: the rest is left for the worker
    service.close()


def test_without_a_tier_the_first_search_still_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(embedder: OnnxEmbedder) -> StaticTier:
        raise OSError("No space left on device")

    monkeypatch.setattr(StaticTier, "for_embedder", broken)
    with caplog.at_level(logging.WARNING):
        service, found = first_search(tmp_path, monkeypatch)
    assert "no first-pass static model" in caplog.text and "No space left on device" in caplog.text
    assert found == [] and len(service.queue) == len(CODE)  # no lexical candidate to embed, so none embedded
    service.close()


def test_a_small_workspace_is_embedded_whole_without_a_tier(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def unused(embedder: OnnxEmbedder) -> StaticTier:
        raise AssertionError("a workspace within the budget needs no ranking")

    monkeypatch.setattr(StaticTier, "for_embedder", unused)
    service = IndexService(code_workspace(tmp_path / "ws"), Settings(cache_dir=str(tmp_path / "cache")))
    service.scan()
    assert service.search(QUERY, k=1, embed_missing=True)[0].path == "net/server.go"
    assert len(service.queue) == 0
    service.close()


def test_the_distilled_table_is_written_whole(onnx: OnnxEmbedder, tmp_path: Path) -> None:
    target = tmp_path / "models" / "static.npy"
    static_tier.distil(onnx, target)
    assert np.load(target).shape[1] == STATIC_DIM and [p.name for p in target.parent.iterdir()] == ["static.npy"]


def fake_distil(made: list[Path]) -> object:
    """Writes a table of the right shape at once (the real distillation takes seconds) and records it."""

    def distil(embedder: OnnxEmbedder, target: Path) -> np.ndarray:
        made.append(target)
        vocab = Tokenizer.from_file(str(embedder.model_dir / "tokenizer.json")).get_vocab_size()
        table = np.ones((vocab, STATIC_DIM), dtype=np.float32)
        static_tier.save_atomically(table, target)
        return table

    return distil


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(path.read_bytes()[:1000]),  # a full disk, an interrupted copy
        lambda path: path.write_bytes(b"not a table"),
        lambda path: np.save(path, np.ones((10, STATIC_DIM), dtype=np.float32)),  # another recipe's shape
    ],
    ids=["truncated", "garbage", "wrong-shape"],
)
def test_a_damaged_table_is_distilled_again_once(
    onnx: OnnxEmbedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: Callable[[Path], object]
) -> None:
    made: list[Path] = []
    monkeypatch.setattr(static_tier, "distil", fake_distil(made))
    embedder = OnnxEmbedder(onnx.model_dir, tmp_path / "models", "minilm")
    StaticTier.for_embedder(embedder)
    damage(made[0])
    tier = StaticTier.for_embedder(embedder)  # not a warning on every search of every process from now on
    assert len(made) == 2 and tier.table.shape == (tier.tokenizer.get_vocab_size(), STATIC_DIM)
    StaticTier.for_embedder(embedder)
    assert len(made) == 2


def test_a_failed_save_leaves_no_file_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(handle: Any, table: np.ndarray) -> None:
        handle.write(b"\x93NUMPY half a table")
        raise OSError("No space left on device")

    monkeypatch.setattr(static_tier.np, "save", full_disk)
    with pytest.raises(OSError, match="No space left"):
        static_tier.save_atomically(np.ones((4, STATIC_DIM), dtype=np.float32), tmp_path / "static.npy")
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_distillations_old_file_is_swept(
    onnx: OnnxEmbedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(static_tier, "distil", fake_distil([]))
    models = tmp_path / "models"
    models.mkdir()
    old, recent = models / "tmpold.npy", models / "tmprecent.npy"  # killed mid-way / another process writing now
    old.write_bytes(b"x" * 1000)
    recent.write_bytes(b"x" * 1000)
    os.utime(old, (time.time() - 2 * 3600, time.time() - 2 * 3600))
    StaticTier.for_embedder(OnnxEmbedder(onnx.model_dir, models, "minilm"))
    assert not old.exists() and recent.exists()


def test_only_the_waiting_chunks_vectors_are_kept(onnx: OnnxEmbedder, monkeypatch: pytest.MonkeyPatch) -> None:
    tier = StaticTier.for_embedder(onnx)
    sizes: list[int] = []
    real = tier.encode
    monkeypatch.setattr(tier, "encode", lambda texts: sizes.append(len(texts)) or real(texts))
    monkeypatch.setattr(static_tier, "RANK_SLICE", 4)
    chunks = rows(list(CODE.values()))
    tier.rank("q", chunks)
    assert sizes == [4, 2, 1]  # tokenized a slice at a time: 30,000 chunks at once held ~480 MB of encodings
    tier.rank("q", chunks[:2])  # the others were embedded, removed or re-chunked
    assert set(tier._vectors) == {1, 2}


def test_the_tier_is_let_go_once_the_workspace_fits_the_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    service, _ = first_search(tmp_path, monkeypatch)
    assert isinstance(service._tier, StaticTier)
    service.embed_now([], fill=[r.id for r in service.queue.pending_rows()])  # the worker caught up
    service.search(QUERY, k=1, embed_missing=True)
    assert service._tier is None  # its table and vectors (about 1 KB a chunk) are not held for the server's life
    service.close()


def test_two_searches_at_once_distil_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []
    real = StaticTier.for_embedder

    def slow(embedder: OnnxEmbedder) -> StaticTier:
        made.append(1)
        time.sleep(0.3)
        return real(embedder)

    monkeypatch.setattr(StaticTier, "for_embedder", slow)
    monkeypatch.setattr(service_module, "FIRST_SEARCH_CHUNKS", 2)
    service = IndexService(code_workspace(tmp_path / "ws"), Settings(cache_dir=str(tmp_path / "cache")))
    service.scan()
    orders: list[list[int]] = []
    threads = [threading.Thread(target=lambda: orders.append(service._first_tier_order(QUERY))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert made == [1] and len(orders) == 2 and orders[0] == orders[1] and len(orders[0]) == len(CODE)
    service.close()


def test_a_tier_that_fails_to_rank_leaves_the_lexical_candidates_embedded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(self: StaticTier, query: str, rows: object) -> list[int]:
        raise MemoryError("cannot allocate")

    monkeypatch.setattr(StaticTier, "rank", broken)
    monkeypatch.setattr(service_module, "FIRST_SEARCH_CHUNKS", 2)
    service = IndexService(code_workspace(tmp_path / "ws"), Settings(cache_dir=str(tmp_path / "cache")))
    service.scan()
    with caplog.at_level(logging.WARNING):
        found = service.search("cart_total items price", k=1, embed_missing=True)
    assert found[0].path == "shop/cart.py" and len(service.queue) < len(CODE)  # its lexical candidate was embedded
    assert "no first-pass ranking" in caplog.text and "embedding on demand failed" not in caplog.text
    service.close()


def test_the_service_says_when_a_first_search_would_distil(onnx: OnnxEmbedder, tmp_path: Path) -> None:
    fresh = OnnxEmbedder(onnx.model_dir, tmp_path / "models", "all-MiniLM-L6-v2")
    service = IndexService(code_workspace(tmp_path / "ws"), Settings(cache_dir=str(tmp_path / "c")), embedder=fresh)
    assert service.tier_needs_distilling()  # the CLI says so before its first search (edit_cli)
    StaticTier.for_embedder(onnx)  # made (or read) in the session's models folder
    static_tier.table_path(fresh).parent.mkdir(parents=True)
    static_tier.table_path(fresh).write_bytes(static_tier.table_path(onnx).read_bytes())
    assert not service.tier_needs_distilling()
    service.close()
    torch_like = IndexService(tmp_path / "ws", Settings(cache_dir=str(tmp_path / "c2"), embedding_runtime="torch"))
    assert not torch_like.tier_needs_distilling()  # no tier for other runtimes
    torch_like.close()
