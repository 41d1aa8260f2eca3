"""The bundled MiniLM as int8 ONNX: the default embedder, about twice as fast as the torch model on a CPU.

The ONNX file is made once per machine, offline, from the bundled weights: torch exports the transformer with the
mean pooling and normalisation sentence-transformers applies, then onnxruntime quantises its matrix products to int8
(per channel). The result is cached in ``<cache_dir>/models/`` (``POLYEDIT_MODELS_DIR`` overrides) by a hash of the
weights, tokenizer and this recipe, so a new model version or a new recipe makes a new file and the old one is never
read by mistake. After that, only onnxruntime and tokenizers are loaded: no torch, so the model loads in a fraction
of a second instead of seconds.

Its vectors are not the torch model's (cosine ~0.99 to them), so it has its own name in the embedding cache.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from polyedit.index.store import Vector

log = logging.getLogger(__name__)

RECIPE = "minilm-meanpool-norm/opset17/int8-matmul-per-channel/v1"  # change it when the export below changes
MAX_TOKENS = 256  # the bundled model's max_seq_length, as sentence-transformers truncates
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
HASHED_FILES = ("model.safetensors", "config.json", "tokenizer.json")
EXPORT_TIMEOUT_S = 900
STALE_EXPORT_S = 3600  # a temporary export folder this old was left by an interrupted export


def model_key(model_dir: Path) -> str:
    """A hash of what the export reads, and of the recipe: the cache file's name (computed once per process)."""
    stats = tuple(
        (name, (model_dir / name).stat().st_size, (model_dir / name).stat().st_mtime_ns) for name in HASHED_FILES
    )
    return _model_key(model_dir, stats)


@functools.lru_cache(maxsize=4)
def _model_key(model_dir: Path, stats: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256(RECIPE.encode())
    for name in HASHED_FILES:
        with open(model_dir / name, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()[:24]


def sweep_stale(folder: Path) -> None:
    """Remove what an interrupted export or distillation left in the models folder: ``tmp*`` folders and files older
    than STALE_EXPORT_S (a younger one may be another process's work in progress)."""
    for stale in folder.glob("tmp*"):
        if time.time() - stale.stat().st_mtime > STALE_EXPORT_S:
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink(missing_ok=True)


def export_in_subprocess(model_dir: Path, target: Path) -> None:
    """Run ``export_int8`` in its own process: torch never loads into the server, and an interrupted export (Ctrl-C,
    a closed editor) leaves no half-made model, only a temporary folder that a later export sweeps away."""
    sweep_stale(target.parent)
    done = subprocess.run(
        [sys.executable, "-m", "polyedit.index.onnx_embedder", str(model_dir), str(target)],
        capture_output=True,
        text=True,
        timeout=EXPORT_TIMEOUT_S,
    )
    if done.returncode != 0 or not target.is_file():
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        raise RuntimeError(f"the export failed ({done.returncode}): {lines[-1] if lines else 'no message'}")


def export_int8(model_dir: Path, target: Path) -> None:
    """Export the model with pooling to ONNX, quantise it to int8, and move it to ``target`` atomically (two
    processes exporting at once each write their own temporary file; either result is the same model)."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    class Pooled(torch.nn.Module):
        def __init__(self, model: Any) -> None:
            super().__init__()
            self.model = model

        def forward(self, ids: Any, mask: Any, types: Any) -> Any:
            hidden = self.model(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state
            weights = mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=-1)

    target.parent.mkdir(parents=True, exist_ok=True)
    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    transformers_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    pooled = Pooled(AutoModel.from_pretrained(str(model_dir))).eval()
    sample = torch.ones(2, 8, dtype=torch.long)
    axes = {name: {0: "batch", 1: "tokens"} for name in INPUTS}
    with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
        full = Path(scratch) / "model.onnx"
        quantised = Path(scratch) / "model-int8.onnx"
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the tracer's notes about Python branches: the export is checked by tests
            torch.onnx.export(
                pooled,
                (sample, sample, torch.zeros_like(sample)),
                str(full),
                input_names=list(INPUTS),
                output_names=["embedding"],
                dynamic_axes={**axes, "embedding": {0: "batch"}},
                opset_version=17,
                dynamo=False,
            )
        quiet = logging.getLogger()  # the quantiser's advice goes to the root logger; not the user's concern
        level = quiet.level
        quiet.setLevel(logging.ERROR)
        try:
            quantize_dynamic(
                str(full),
                str(quantised),
                weight_type=QuantType.QInt8,
                per_channel=True,
                op_types_to_quantize=["MatMul"],
            )
        finally:
            quiet.setLevel(level)
        os.replace(quantised, target)


class OnnxEmbedder:
    """Embeds with the int8 ONNX file of the bundled model (made on first load if missing).

    ``model_dir`` is the bundled model's folder, or None with ``problem`` saying why it could not be found (the
    index still opens and searches lexically; ``load`` raises the problem). Its name in the embedding cache carries
    the model key, so vectors of an older model or recipe are never mixed with this one's."""

    def __init__(
        self, model_dir: Path | None, models_dir: Path, name: str, problem: str = "", threads: int = 0
    ) -> None:
        self.model_dir = model_dir
        self.models_dir = models_dir
        self.problem = problem
        try:
            self.key = model_key(model_dir) if model_dir is not None else ""
        except OSError as exc:
            self.key, self.problem = "", f"cannot read the model in {model_dir}: {exc}"
        self.name = f"{name}+onnx-int8" + (f"-{self.key[:12]}" if self.key else "")
        self.threads = threads or min(os.cpu_count() or 1, 4)
        self._session: Any = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._session is not None

    @property
    def path(self) -> Path:
        return self.models_dir / f"minilm-int8-{self.key}.onnx"

    @property
    def needs_export(self) -> bool:
        """True before this machine's first use: ``load`` will take seconds to make the model file."""
        return not self.problem and not self.path.is_file()

    def load(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            try:
                if self.problem or self.model_dir is None:
                    raise RuntimeError(self.problem or "no model folder")
                from tokenizers import Tokenizer

                if not self.path.is_file():
                    log.info("exporting the embedding model to int8 ONNX (once per machine): %s", self.path)
                    export_in_subprocess(self.model_dir, self.path)
                try:
                    session = self._session_for(self.path)
                except Exception:  # a damaged file (a full disk, an interrupted copy): make it again, once
                    log.warning("the cached ONNX model %s does not load; exporting it again", self.path)
                    export_in_subprocess(self.model_dir, self.path)
                    session = self._session_for(self.path)
                tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
            except Exception as exc:  # export, onnxruntime and tokenizers raise many kinds; say what to do
                raise RuntimeError(
                    f"cannot make or load the int8 ONNX embedding model: {exc}. Set 'embedding_runtime' to "
                    "'torch' to use sentence-transformers instead."
                ) from exc
            tokenizer.enable_truncation(MAX_TOKENS)
            tokenizer.no_padding()  # the model's tokenizer.json pads to 128 tokens; a text here is always alone
            self._tokenizer, self._session = tokenizer, session

    def _session_for(self, path: Path) -> Any:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.log_severity_level = 3
        return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def encode(self, texts: list[str]) -> Vector:
        """One text at a time: no padding, so no work wasted on it, and a text's vector never depends on the texts
        beside it (int8 activations are scaled per call). On this model that is as fast as batches, or faster."""
        self.load()
        width = int(self._session.get_outputs()[0].shape[1])
        vectors = np.empty((len(texts), width), dtype=np.float32)
        for row, encoded in enumerate(self._tokenizer.encode_batch(texts)):
            ids = np.asarray([encoded.ids], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
            vectors[row] = self._session.run(None, feed)[0][0]
        return vectors


if __name__ == "__main__":  # export_in_subprocess: python -m polyedit.index.onnx_embedder MODEL_DIR TARGET
    export_int8(Path(sys.argv[1]), Path(sys.argv[2]))
