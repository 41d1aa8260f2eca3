"""``polyedit apply FILE SKETCH``: merge a sketch into a file from the command line."""

from __future__ import annotations

import difflib
import json
import os
import sys
import tempfile
from pathlib import Path

from polyedit.apply import ApplyRefused, apply_sketch
from polyedit.apply.api import FormatChoice
from polyedit.apply.llm_tier import LlmMerger
from polyedit.index.secrets import SecretCopied, mask
from polyedit.pipeline.writes import decode, encode

REFUSED_EXIT = 2


def read_text(path: Path) -> tuple[str, str]:
    """The file's text and the codec to write it back with (UTF-8, UTF-8 with BOM, or Latin-1 as a last resort)."""
    return decode(path.read_bytes())


def write_atomically(path: Path, text: str, codec: str) -> None:
    """Write next to the file, then rename over it: readers see the old or the new file, never half of one."""
    mode = path.stat().st_mode if path.exists() else None
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".polyedit")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(encode(text, codec))
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class MaskingMerger:
    """The apply fallback model sees the file and the sketch with the file's secrets masked (index/secrets.py); its
    merged file gets them back, or is refused when it copies one somewhere new."""

    def __init__(self, inner: LlmMerger) -> None:
        self.inner = inner

    def merge(self, path: str, original: str, sketch: str) -> str:
        masked = mask(path, original)
        merged = self.inner.merge(path, masked.text, masked.hide(sketch))
        try:
            return masked.unmask(merged)
        except SecretCopied as copied:
            raise ApplyRefused(path, str(copied), kind="llm") from None


def run_apply(file: Path, sketch_path: Path, fmt: FormatChoice, output: str, llm: LlmMerger | None = None) -> int:
    original, codec = read_text(file) if file.exists() else ("", "utf-8")
    sketch = sys.stdin.read() if str(sketch_path) == "-" else read_text(sketch_path)[0]
    try:
        merger = MaskingMerger(llm) if llm else None
        result = apply_sketch(file.as_posix(), original, sketch, fmt, llm=merger)
    except ApplyRefused as refusal:
        if output == "json":
            print(json.dumps({"refused": refusal.to_json()}), file=sys.stderr)
        else:
            print(f"polyedit: refused: {refusal}", file=sys.stderr)
        return REFUSED_EXIT
    if output == "json":
        print(json.dumps(result.to_json(), ensure_ascii=False))
    elif output == "diff":
        diff = difflib.unified_diff(
            original.splitlines(keepends=True),
            result.text.splitlines(keepends=True),
            f"a/{file.as_posix()}",
            f"b/{file.as_posix()}",
        )
        sys.stdout.writelines(diff)
    elif output == "write":
        write_atomically(file, result.text, codec)
        print(
            f"polyedit: wrote {file} ({len(result.edits)} edits; checks: {', '.join(result.checks)})", file=sys.stderr
        )
    else:
        sys.stdout.write(result.text)
    return 0
