"""Embedder benchmark: throughput, load time and agreement of the embedding runtimes, in one run.

Runtimes: the bundled MiniLM through sentence-transformers (``torch``, the old default), the same model as int8
ONNX (``onnx``, the default), and a static model distilled here from the same MiniLM the way model2vec does it
(``static``: every vocabulary token through the model, PCA to 256 dimensions, Zipf weights; a text is the mean of
its tokens' vectors). The static model is measured as a candidate first-pass tier only; it is not shipped.

The texts are the real chunks polyedit makes of a released package (lodash 4.17.21 from npm by default). Agreement
is the cosine between a runtime's vector and the torch model's for the same chunk, and the share of chunks whose
10 nearest neighbours (among the sample) are the same under both. Retrieval quality per runtime is in
``bench/retrieval.py --embedding-runtime``.

    .venv/bin/python bench/embedders.py [--chunks 600] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from polyedit.config import Settings
from polyedit.index.chunker import Chunker
from polyedit.index.embedder import SentenceTransformerEmbedder, make_embedder, resolve_model_path
from polyedit.index.files import Workspace

from bench.fetch import DATA, npm_package

STATIC_DIM = 256


def sample_chunks(root: Path, limit: int) -> list[str]:
    workspace, chunker = Workspace(root, 1024 * 1024), Chunker(200)
    texts: list[str] = []
    for rel in sorted(p for p in workspace.walk() if isinstance(p, str)):
        texts.extend(c.embed_text for c in chunker.chunk(rel, workspace.read_text(rel)[0]))
    step = max(1, len(texts) // limit)  # spread over the package, not its first files only
    return texts[::step][:limit]


class StaticEmbedder:
    """model2vec's recipe, distilled here from the bundled MiniLM (cached in bench/data)."""

    name = "static-minilm-256"
    loaded = True

    def __init__(self, table: np.ndarray, tokenizer: Any) -> None:
        self.table, self.tokenizer = table, tokenizer

    @classmethod
    def distil(cls, cache: Path) -> tuple[StaticEmbedder, float]:
        from tokenizers import Tokenizer

        model_dir = Path(resolve_model_path("all-MiniLM-L6-v2"))
        tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        started = time.perf_counter()
        if not cache.is_file():
            teacher = SentenceTransformerEmbedder()
            vocab = sorted(tokenizer.get_vocab().items(), key=lambda item: item[1])
            vectors = teacher.encode([token for token, _ in vocab])
            centred = vectors - vectors.mean(0)
            _, _, components = np.linalg.svd(centred, full_matrices=False)
            reduced = centred @ components[:STATIC_DIM].T
            ranks = np.arange(1, len(vocab) + 1)  # ids follow frequency closely enough for Zipf weights
            reduced *= np.log(1 + ranks)[:, None] / np.log(1 + ranks).max()
            cache.parent.mkdir(parents=True, exist_ok=True)
            np.save(cache, reduced.astype(np.float32))
        seconds = time.perf_counter() - started
        tokenizer.no_truncation()
        tokenizer.no_padding()  # the model's tokenizer.json pads to 128 tokens
        return cls(np.load(cache), tokenizer), seconds

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        for row, encoding in enumerate(self.tokenizer.encode_batch(texts, add_special_tokens=False)):
            if encoding.ids:
                out[row] = self.table[encoding.ids].mean(0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


def timed(embedder: Any, texts: list[str]) -> tuple[np.ndarray, float, float]:
    """Vectors, load seconds (first call on one short text), chunks per second over ``texts``."""
    started = time.perf_counter()
    embedder.encode(["warm up"])
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    vectors = embedder.encode(texts)
    return np.asarray(vectors, dtype=np.float32), loaded, len(texts) / (time.perf_counter() - started)


def neighbours(vectors: np.ndarray, k: int = 10) -> np.ndarray:
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, -2)
    return np.argsort(-sims, axis=1)[:, :k]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--package", default="lodash@4.17.21")
    parser.add_argument("--chunks", type=int, default=600)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    name, version = args.package.rsplit("@", 1)
    texts = sample_chunks(npm_package(name, version), args.chunks)
    os.environ.setdefault("POLYEDIT_MODELS_DIR", str(DATA / "models"))

    reference, torch_load, torch_rate = timed(SentenceTransformerEmbedder(), texts)
    onnx, onnx_load, onnx_rate = timed(make_embedder(Settings()), texts)
    static_model, distil_s = StaticEmbedder.distil(DATA / "models" / "static-minilm-256.npy")
    static, static_load, static_rate = timed(static_model, texts)
    truth = neighbours(reference)
    report: dict[str, Any] = {"package": args.package, "chunks": len(texts), "runtimes": {}}
    for runtime, vectors, load, rate in (
        ("torch", reference, torch_load, torch_rate),
        ("onnx", onnx, onnx_load, onnx_rate),
        ("static", static, static_load, static_rate),
    ):
        found = neighbours(vectors)
        overlap = np.mean([len(set(a) & set(b)) / len(a) for a, b in zip(found, truth, strict=True)])
        cosine = (vectors * reference).sum(1) if vectors.shape == reference.shape else None
        report["runtimes"][runtime] = {
            "chunks_per_s": round(rate, 1),
            "speedup_vs_torch": round(rate / torch_rate, 2),
            "first_call_s": round(load, 2),
            "cosine_to_torch_min": None if cosine is None else round(float(cosine.min()), 4),
            "cosine_to_torch_mean": None if cosine is None else round(float(cosine.mean()), 4),
            "top10_neighbour_overlap": round(float(overlap), 3),
        }
    report["runtimes"]["static"]["distil_s"] = round(distil_s, 1)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{report['chunks']} chunks of {args.package}")
    for runtime, row in report["runtimes"].items():
        print(f"  {runtime:<7} " + "  ".join(f"{k}={v}" for k, v in row.items()))


if __name__ == "__main__":
    main()
