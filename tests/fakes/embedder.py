"""A deterministic bag-of-words embedder for fast unit tests of the index plumbing (not of retrieval quality).

It satisfies the same ``Embedder`` protocol as the real model and counts what it was asked to embed.
"""

from __future__ import annotations

import hashlib

import numpy as np
from polyedit.index.tokens import lexical_terms

DIM = 64


class CountingEmbedder:
    def __init__(self, name: str = "test-bow") -> None:
        self.name = name
        self.calls: list[str] = []

    @property
    def loaded(self) -> bool:
        return True

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls.extend(texts)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            for term in lexical_terms(text).split():
                out[row, int(hashlib.md5(term.encode()).hexdigest(), 16) % DIM] += 1.0
            norm = np.linalg.norm(out[row])
            if norm:
                out[row] /= norm
        return out
