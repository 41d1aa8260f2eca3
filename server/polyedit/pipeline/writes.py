"""Writing a multi-file edit to disk without losing anything: all files or none, byte for byte where untouched.

The pipeline sees a file as text (UTF-8, invalid bytes as U+FFFD). On disk the file has an encoding, maybe a BOM,
line endings and a mode; the user may also have saved it while the models worked. So the writer
- refuses the whole write when any file on disk is no longer what the pipeline read (nothing is written);
- copies every line the edit did not change from the original bytes, and encodes changed lines with the file's own
  codec and line ending (refusing when the codec cannot hold them);
- stages every new file beside its target, then renames them all; any failure puts every file back.
"""

from __future__ import annotations

import difflib
import os
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from polyedit.pipeline.types import EditFailed, FileChange

UTF8_BOM = b"\xef\xbb\xbf"
_MULTIBYTE_UTF8 = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode(data: bytes) -> tuple[str, str]:
    """The text and the codec to write it back with: UTF-8, UTF-8 with a BOM, UTF-8 with stray bytes kept as they
    are ("utf-8-raw": the file holds real UTF-8 text beside them), or Latin-1 (which reads any byte)."""
    if data.startswith(UTF8_BOM):
        return data[len(UTF8_BOM) :].decode("utf-8", errors="surrogateescape"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        if _MULTIBYTE_UTF8.search(data):
            return data.decode("utf-8", errors="surrogateescape"), "utf-8-raw"
        return data.decode("latin-1"), "latin-1"


def encode(text: str, codec: str) -> bytes:
    """The bytes of ``text`` in a codec ``decode`` named; ``UnicodeEncodeError`` when the codec cannot hold it."""
    if codec in ("utf-8-sig", "utf-8-raw"):
        body = text.encode("utf-8", errors="surrogateescape")
        return UTF8_BOM + body if codec == "utf-8-sig" else body
    return text.encode(codec)


def as_pipeline_reads(data: bytes) -> str:
    """The text the index and the pipeline hold for these bytes (see ``Workspace.read_text``)."""
    return data.removeprefix(UTF8_BOM).decode("utf-8", errors="replace")


def _lines(text: str) -> list[str]:
    """Lines with their endings; only ``\\n`` ends a line (``str.splitlines`` also splits on form feeds and U+2028)."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _key(line: str) -> str:
    return line.rstrip("\r\n")


def _dominant_newline(lines: Sequence[str]) -> str:
    crlf = sum(line.endswith("\r\n") for line in lines)
    return "\r\n" if crlf * 2 > len(lines) else "\n"


def render(path: str, seen: str, new_text: str, original: bytes) -> bytes:
    """The new bytes of ``path``: ``seen`` is the pipeline's text of ``original``, ``new_text`` the edited text.

    Lines the edit kept come from ``original`` unchanged; changed lines take the file's codec and its dominant line
    ending. Raises ``EditFailed`` when the codec cannot hold the new text."""
    text, codec = decode(original)
    kept, seen_lines, new_lines = _lines(text), _lines(seen), _lines(new_text)
    if len(kept) != len(seen_lines):  # cannot happen for bytes the pipeline read; refuse rather than guess
        raise EditFailed("write", f"{path}: the file's lines do not match what the pipeline read")
    newline = _dominant_newline(kept)
    out: list[str] = []
    last_kept = False
    matcher = difflib.SequenceMatcher(None, [_key(x) for x in seen_lines], [_key(x) for x in new_lines], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += kept[i1:i2]
            last_kept = True
            continue
        for line in new_lines[j1:j2]:
            out.append(_key(line) + (newline if line.endswith("\n") else ""))
        last_kept = last_kept and j1 == j2
    ends_open = bool(new_lines) and not new_lines[-1].endswith("\n")
    if out and ends_open and not (last_kept and not kept[-1].endswith("\n")):
        out[-1] = _key(out[-1])  # the edit's last line decides the final newline, unless it is the original's own
    body = "".join(out)
    try:
        return encode(body, codec)
    except UnicodeEncodeError as exc:
        bad = body[exc.start : exc.end]
        raise EditFailed("write", f"{path} is {codec} and the edit adds characters it cannot hold: {bad!r}") from None


@dataclass
class _Step:
    target: Path
    original: bytes | None  # None: the file is new
    new: bytes | None  # None: the file is deleted
    mode: int | None = None  # the original's permission bits
    staged: Path | None = None
    made_dirs: list[Path] = field(default_factory=list)  # directories staging created, deepest last
    done: bool = False


def _target(root: Path, rel: str) -> Path:
    """Where the bytes go. ``rel`` is already a real path (``checked_path`` followed links and judged the target),
    so a link found here appeared since, and is refused: it was never judged."""
    real = Path(os.path.realpath(root / rel))
    try:
        inside = real.relative_to(root)
    except ValueError:
        raise EditFailed("write", f"{rel} resolves to {real}, outside the workspace; nothing was written") from None
    if any(part.lower() == ".git" for part in PurePosixPath(inside.as_posix()).parts):
        raise EditFailed("write", f"{rel} resolves into .git; nothing was written")
    if inside.as_posix() != rel:  # the pipeline judged the real path; a link that appeared since is not judged
        raise EditFailed(
            "write", f"{rel} became a link to {inside.as_posix()} after it was checked; nothing was written"
        )
    return real


def write_changes(root: Path, changes: Sequence[FileChange]) -> None:
    """Write every change or none. Raises ``EditFailed('write', …)`` naming the file and why; nothing is then left
    changed."""
    root = root.resolve()
    paths = [c.path for c in changes]
    if len(set(paths)) != len(paths):
        twice = sorted({p for p in paths if paths.count(p) > 1})
        raise EditFailed("write", f"the edit names {', '.join(twice)} more than once; nothing was written")
    steps = [_prepare(root, change) for change in changes]
    targets = [step.target for step in steps]
    if len(set(targets)) != len(targets):
        raise EditFailed("write", "the edit reaches one file by two names; nothing was written")
    try:
        for step in steps:
            if step.new is not None:
                _stage(step)
        for step in steps:
            if step.new is None:
                step.target.unlink()
            else:
                assert step.staged is not None
                os.replace(step.staged, step.target)
            step.done = True
    except OSError as exc:
        _roll_back(steps)
        raise EditFailed("write", f"{exc.filename or 'a file'}: {exc.strerror or exc}; nothing was changed") from None
    except BaseException:
        _roll_back(steps)
        raise


def _prepare(root: Path, change: FileChange) -> _Step:
    try:
        return _prepare_bytes(root, change)
    except UnicodeEncodeError as exc:  # a lone surrogate (a model's "\ud800") has no bytes in any encoding
        bad = exc.object[exc.start : exc.end]
        raise EditFailed(
            "write", f"{change.path}: its new text holds {bad!r}, which cannot be written; nothing was written"
        ) from None


def _prepare_bytes(root: Path, change: FileChange) -> _Step:
    target = _target(root, change.path)
    if change.action == "create":
        if target.exists():
            raise EditFailed("write", f"{change.path} exists now; polyedit would have created it. Nothing was written")
        return _Step(target, None, (change.new_text or "").encode("utf-8"))
    try:
        original = target.read_bytes()
    except OSError as exc:
        raise EditFailed("write", f"{change.path}: {exc.strerror or exc}; nothing was written") from None
    if as_pipeline_reads(original) != change.old_text:
        raise EditFailed(
            "write", f"{change.path} changed on disk after polyedit read it; nothing was written: run the edit again"
        )
    mode = target.stat().st_mode
    if change.action == "delete":
        return _Step(target, original, None, mode)
    return _Step(target, original, render(change.path, change.old_text or "", change.new_text or "", original), mode)


def _stage(step: _Step) -> None:
    """Write the new bytes beside the target (same directory, so the rename is atomic), with the original's mode, or
    for a new file the mode creating it normally gives (0666 less the umask)."""
    missing = [d for d in (step.target.parent, *step.target.parent.parents) if not d.exists()]
    step.made_dirs = list(reversed(missing))
    step.target.parent.mkdir(parents=True, exist_ok=True)
    step.staged = step.target.with_name(f".{step.target.name}.{uuid.uuid4().hex[:8]}.polyedit")
    fd = os.open(step.staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(fd, "wb") as handle:
        handle.write(step.new or b"")
    if step.mode is not None:
        os.chmod(step.staged, step.mode)


def _roll_back(steps: Sequence[_Step]) -> None:
    for step in reversed(steps):
        if step.staged is not None and step.staged.exists():
            step.staged.unlink()
        if step.done and step.original is None:
            step.target.unlink(missing_ok=True)
        elif step.done and step.original is not None:
            step.target.write_bytes(step.original)
            if step.mode is not None:
                os.chmod(step.target, step.mode)
        for directory in reversed(step.made_dirs):
            if directory.exists() and not any(directory.iterdir()):
                directory.rmdir()
