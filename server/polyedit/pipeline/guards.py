"""What a merged file must be before it becomes a ``FileChange``: within size, text, and with its secrets back where
they were (never copied somewhere new)."""

from __future__ import annotations

from polyedit.apply import ApplyRefused
from polyedit.index.secrets import Masked, SecretCopied


def unmask(path: str, masked: Masked, text: str) -> str:
    try:
        return masked.unmask(text)
    except SecretCopied as copied:
        raise ApplyRefused(path, f"{copied}; keep each masked secret where the file has it") from None


def check_size(path: str, what: str, text: str, limit_bytes: int) -> None:
    size = len(text.encode("utf-8"))
    if size > limit_bytes:
        raise ApplyRefused(path, f"{what} is {size} bytes, over the {limit_bytes}-byte file size limit")


def check_output(path: str, text: str, limit_bytes: int) -> None:
    """A text file stays text and within the size the workspace allows (``max_file_size_bytes``)."""
    check_size(path, "the result", text, limit_bytes)
    if "\0" in text:
        raise ApplyRefused(path, "the result holds NUL bytes, which a text file does not; write text only")
