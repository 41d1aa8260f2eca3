"""Line endings, final newlines and indentation style: detected from the original, restored on the result."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_LEADING = re.compile(r"^[ \t]*")


@dataclass(frozen=True)
class TextStyle:
    newline: str  # "\n" or "\r\n"
    final_newline: bool
    tabs: bool  # the original indents with tabs


# Languages whose formatter indents with tabs (gofmt): a file of them indents with tabs even when most of its
# indented lines are spaces inside raw strings (cobra's bash completion script in a Go file).
TAB_SUFFIXES = (".go",)


def detect(text: str, path: str = "") -> TextStyle:
    """The text's line endings, final newline and indentation style (``path`` names the language, if known). The
    continuation lines of a doc comment at column 0 (`` * ...``) do not count as indented lines."""
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    indents = [
        m.group(0)
        for m in (_LEADING.match(line) for line in text.split("\n") if not line.startswith(" *"))
        if m and m.group(0)
    ]
    tab_indents = sum(1 for i in indents if i.startswith("\t"))
    tabs = tab_indents > len(indents) / 2 or (path.endswith(TAB_SUFFIXES) and tab_indents > 0)
    return TextStyle("\r\n" if crlf > lf else "\n", text.endswith("\n") or not text, tabs)


def split_lines(text: str) -> list[str]:
    """Lines without terminators; CRLF and LF both end a line. A final newline adds no empty line."""
    text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "" and text.endswith("\n"):
        lines.pop()
    return lines if text else []


def join_lines(lines: list[str], style: TextStyle) -> str:
    body = style.newline.join(lines)
    return body + style.newline if lines and style.final_newline else body


def indent_of(line: str) -> str:
    match = _LEADING.match(line)
    return match.group(0) if match else ""


@lru_cache(maxsize=1 << 16)  # the merge asks for the same lines' widths and forms again and again
def indent_width(line: str, tab_size: int = 4) -> int:
    return len(indent_of(line).expandtabs(tab_size))


@lru_cache(maxsize=1 << 16)
def norm(line: str) -> str:
    """Whitespace-insensitive form of a line: runs of whitespace collapse, ends are stripped."""
    return " ".join(line.split())


def reindent(line: str, delta: int, tabs: bool, unit: int = 4) -> str:
    """Shift a line's indentation by ``delta`` columns and write it in the original's style (tabs or spaces)."""
    if not line.strip():
        return line.strip(" \t")
    width = max(0, indent_width(line) + delta)
    body = line[len(indent_of(line)) :]
    if tabs:
        return "\t" * (width // unit) + " " * (width % unit) + body
    return " " * width + body
