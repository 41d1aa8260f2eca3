"""The cheap first tier of retrieval: a static model that only chooses which chunks the first search embeds.

A search on a workspace that is not embedded yet (an edit on a repository polyedit has never seen) cannot wait for
every chunk to be embedded, and the best lexical candidates miss much of what the model would find: on the change
set, embedding only them left the first edit's recall@10 at 0.73 against 0.81 with every chunk embedded. A static
model ranks the waiting chunks (about 1 s per 10,000 the first time, measured once, then only new or changed
ones); the first search embeds the best of them with the real model, up to a budget, and the real model's scores
decide (bench/retrieval.py, ``first_edit``).

The static model follows model2vec's recipe, distilled here from the bundled MiniLM as int8 ONNX: every vocabulary
token is embedded alone, the vectors are reduced to STATIC_DIM dimensions by PCA and weighted by token frequency
(ids follow frequency closely enough for Zipf weights); a text's vector is the mean of its tokens' rows. The table
is made once per machine (seconds) beside the ONNX file, under the same model key. It never ranks a result itself:
measured as an embedder it was 6-15 points of recall below MiniLM.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from polyedit.index.onnx_embedder import OnnxEmbedder, sweep_stale
from polyedit.index.store import ChunkRow

log = logging.getLogger(__name__)

STATIC_DIM = 256
DISTIL_BATCH = 1024
MAX_TOKENS = 512  # a chunk's first tokens say what it is about; the rest only costs time
# Beyond this many waiting chunks the first ranking costs more than it saves (cold, about 1 s per 10,000 chunks on
# 2 idle cores, counted before the first search's time limit): the search embeds its lexical candidates only.
MAX_RANKED = 20_000
RECIPE = "v1"  # in the table's file name: change it when distil() changes, so an old table is never read
RANK_SLICE = 1024  # texts tokenized at once: the encodings of 30,000 chunks in one call held ~480 MB


def distil(embedder: OnnxEmbedder, target: Path) -> np.ndarray:
    """Embed each vocabulary token alone (``[CLS] token [SEP]``), reduce by PCA, weight by frequency rank; save
    atomically to ``target``, and return the table."""
    embedder.load()
    session = embedder._session
    vocab_size = embedder._tokenizer.get_vocab_size()
    cls, sep = embedder._tokenizer.token_to_id("[CLS]"), embedder._tokenizer.token_to_id("[SEP]")
    width = int(session.get_outputs()[0].shape[1])
    vectors = np.empty((vocab_size, width), dtype=np.float32)
    for start in range(0, vocab_size, DISTIL_BATCH):
        ids = np.arange(start, min(start + DISTIL_BATCH, vocab_size), dtype=np.int64)
        batch = np.stack([np.full_like(ids, cls), ids, np.full_like(ids, sep)], axis=1)
        feed = {"input_ids": batch, "attention_mask": np.ones_like(batch), "token_type_ids": np.zeros_like(batch)}
        vectors[start : start + len(ids)] = session.run(None, feed)[0]
    centred = vectors - vectors.mean(0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ components[:STATIC_DIM].T
    ranks = np.arange(1, vocab_size + 1)
    reduced *= (np.log(1 + ranks) / np.log(1 + ranks).max())[:, None]
    table: np.ndarray = np.asarray(reduced, dtype=np.float32)
    save_atomically(table, target)
    return table


def save_atomically(table: np.ndarray, target: Path) -> None:
    """Write ``table`` to a temporary file beside ``target``, then rename it (two processes distilling at once each
    write their own; either result is the same table); a failed write leaves nothing behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, name = tempfile.mkstemp(dir=target.parent, prefix="tmp", suffix=".npy")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            np.save(handle, table)
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _read_table(path: Path, vocab_size: int) -> np.ndarray | None:
    """The table at ``path``; None when it is missing, or damaged (a full disk, an interrupted copy: it is distilled
    again rather than leaving every later process without a tier)."""
    if not path.is_file():
        return None
    try:
        table = np.load(path)
    except Exception as exc:  # numpy raises ValueError, EOFError, OSError for the ways a file can be cut or wrong
        log.warning("the first-pass static model %s does not load (%s); distilling it again", path, exc)
        return None
    if table.shape != (vocab_size, STATIC_DIM):
        log.warning("the first-pass static model %s has shape %s; distilling it again", path, table.shape)
        return None
    return np.asarray(table, dtype=np.float32)


def table_path(embedder: OnnxEmbedder) -> Path:
    """Where this model's table is kept: beside its ONNX file, named by the model key and this recipe."""
    return embedder.models_dir / f"static-{STATIC_DIM}-{RECIPE}-{embedder.key}.npy"


class StaticTier:
    """Ranks chunks for a query with the static table; remembers each waiting chunk's vector by its text's hash."""

    def __init__(self, table: np.ndarray, tokenizer: Any) -> None:
        self.table = table
        self.tokenizer = tokenizer
        self._vectors: dict[int, tuple[str, np.ndarray]] = {}

    @classmethod
    def for_embedder(cls, embedder: OnnxEmbedder) -> StaticTier:
        """The tier of this ONNX model (the table is distilled on first use, and again if it is damaged)."""
        from tokenizers import Tokenizer

        if embedder.model_dir is None:
            raise RuntimeError(embedder.problem or "no model folder")
        tokenizer = Tokenizer.from_file(str(embedder.model_dir / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.enable_truncation(MAX_TOKENS)
        path = table_path(embedder)
        table = _read_table(path, tokenizer.get_vocab_size())
        if table is None:
            log.info("distilling the first-pass static model (once per machine): %s", path)
            sweep_stale(path.parent)  # a table a killed distillation left half-written
            table = distil(embedder, path)
        return cls(table, tokenizer)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors: the mean of each text's token rows (special tokens left out)."""
        out = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        for row, encoding in enumerate(self.tokenizer.encode_batch(list(texts), add_special_tokens=False)):
            if encoding.ids:
                out[row] = self.table[encoding.ids].mean(0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)

    def rank(self, query: str, rows: Sequence[ChunkRow]) -> list[int]:
        """The ids of ``rows``, most similar to ``query`` first (none when there are too many to rank). A chunk is
        read as MiniLM reads it: its header line and its text (``embed_text``; on change_dev the first edit's
        recall@1 / MRR 0.379 / 0.754 with the text alone, 0.388 / 0.758 with the header, recall@10 unchanged)."""
        if not rows or len(rows) > MAX_RANKED:
            return []
        known = self._vectors
        missing = [r for r in rows if known.get(r.id, ("",))[0] != r.hash]
        for start in range(0, len(missing), RANK_SLICE):
            part = missing[start : start + RANK_SLICE]
            for row, vector in zip(part, self.encode([r.embed_text for r in part]), strict=True):
                known[row.id] = (row.hash, vector)
        # Only the chunks still waiting are kept: the others were embedded, removed or re-chunked (new ids).
        self._vectors = {r.id: known[r.id] for r in rows}
        matrix = np.stack([self._vectors[r.id][1] for r in rows])
        scores = matrix @ self.encode([query])[0]
        return [rows[i].id for i in np.argsort(-scores, kind="stable")]
