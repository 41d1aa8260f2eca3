"""A lazy sketch cut into blocks (code the model wrote) and markers (original lines kept), after removing what
models wrap around the code: a Markdown fence, prose before the fence or after it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from polyedit.apply.markers import is_marker
from polyedit.apply.text import indent_width, norm


@dataclass
class Block:
    lines: list[str]
    first: int  # 1-based sketch line of lines[0]
    marker_before: bool = False
    marker_after: bool = False
    after_indent: int | None = None  # columns of the marker after the block


@dataclass
class Marker:
    line: str
    number: int  # 1-based sketch line


def segment(sketch: list[str], styles: tuple[str, ...]) -> list[Block | Marker]:
    """Blocks and markers in sketch order; blank lines next to a marker stay in the block they touch."""
    items: list[Block | Marker] = []
    for number, line in enumerate(sketch, start=1):
        if is_marker(line, styles):
            items.append(Marker(line, number))
        elif items and isinstance(items[-1], Block):
            items[-1].lines.append(line)
        else:
            items.append(Block([line], number))
    items = [item for item in items if not isinstance(item, Block) or any(line.strip() for line in item.lines)]
    for k, item in enumerate(items):
        if isinstance(item, Block):
            item.marker_before = k > 0 and isinstance(items[k - 1], Marker)
            after = items[k + 1] if k + 1 < len(items) else None
            item.marker_after = isinstance(after, Marker)
            if isinstance(after, Marker):
                item.after_indent = indent_width(after.line)
    return items


def unwrap(lines: list[str], path: str) -> list[str]:
    """The code inside a Markdown fence around the whole sketch. Outside Markdown files, prose before the opening
    fence and after the closing one goes too (models explain their edit). In a Markdown file, whose text may hold
    fences of its own, so does prose around a fence that says it wraps Markdown: four backticks or more (inner
    fences of three are text), or a ``markdown``/``md`` tag (inner fences in pairs)."""
    fences = [i for i, line in enumerate(lines) if line.lstrip().startswith("```")]
    if len(fences) < 2:
        return lines
    first = fences[0]
    ticks = _ticks(lines[first])
    closing = [i for i in fences if i > first and lines[i].strip() == "`" * ticks]
    if not closing:
        return lines
    last = closing[-1]
    if first == 0 and last == len(lines) - 1:
        return lines[1:-1]
    inner = [i for i in fences if first < i < last]
    if path.lower().endswith((".md", ".markdown", ".mdx")):
        tag = lines[first].strip()[ticks:].strip().lower()
        if not (ticks > 3 or (tag in ("markdown", "md") and len(inner) % 2 == 0)):
            return lines  # a tagged fence of three holds the README's own fences in pairs
    elif len(fences) != 2 and not (ticks > 3 and all(_ticks(lines[i]) < ticks for i in inner)):
        return lines
    prose = [line for line in (*lines[:first], *lines[last + 1 :]) if line.strip()]
    path_line = [i for i, line in enumerate(lines[:first]) if line.strip()]
    if path_line and path_line[-1] == first - 1 and _names_path(lines[first - 1], path):
        prose = [line for line in prose if line is not lines[first - 1]]  # Aider's file name above the fence
    return lines[first + 1 : last] if all(_is_prose(line) for line in prose) else lines


def _ticks(line: str) -> int:
    """How many backticks open (close) a fence line."""
    text = line.strip()
    return len(text) - len(text.lstrip("`"))


def _names_path(line: str, path: str) -> bool:
    """A line that is only a file name with this file's extension (``src/file.ts``, ``**file.ts**``)."""
    text = line.strip().strip("*`#: ")
    suffix = PurePosixPath(path).suffix
    return bool(text and suffix) and " " not in text and text.endswith(suffix) and len(text) > len(suffix)


def _is_prose(line: str) -> bool:
    """A sentence, not code: words and ends with punctuation or a colon, no code brackets."""
    text = line.strip()
    return (len(text.split()) >= 3 and not any(c in text for c in "{}();=")) or (text.endswith(":") and " " in text)


def opens_new_scope(items: list[Block | Marker], positions: Mapping[str, list[int]]) -> bool:
    """Whether a brace the sketch's blocks ``items`` leave open opens a new scope: its line, or the line before a
    lone ``{``, is not in the file (``positions``: the file's normalised lines; a new ``namespace X {`` whose ``}``
    a later block shows)."""
    shown = [line for item in items if isinstance(item, Block) for line in item.lines if line.strip()]
    open_at: list[int] = []
    for i, line in enumerate(shown):
        for char in line:
            if char == "{":
                open_at.append(i)
            elif char == "}" and open_at:
                open_at.pop()
    heads = [shown[i - 1] if norm(shown[i]) == "{" and i else shown[i] for i in open_at]
    return any(not positions.get(norm(head)) for head in heads)
