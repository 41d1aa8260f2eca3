"""The file's edges: what a sketch without a marker at its start or end may drop there.

Before the first block and after the last, with no marker there, the merge deletes the original's rows (at most
``MAX_DROPPED_AT_EDGE`` non-blank ones): real edits delete a shebang, ``# coding: utf-8``, ``from __future__
import ...``, ``'use strict';`` or an import, and show the file from the next line, an import or a comment. What no
sketch drops that way (``forgot_head``: its marker was forgotten): the package clause of a Go, Java or Kotlin file,
which the file cannot do without; above a sketch that starts with imports, a shebang, a module docstring, ``'use
client'`` or a build tag; above one that starts with code, any line but an import the file no longer uses
(``class TestClient:`` shown from its header below ``import pytest``, ``'use client';``, a build tag).

At the end, a last block read by name keeps the rows after it; read by its lines it may end the file there. The
second reading is a rival (``tail_rival``) only when the block's new lines say what the dropped rows said
(``taken_over``: every word of ``exports.default = _default;`` is in the new ``var _default = exports.default =
{``); otherwise the marker was forgotten (a changed ``sub`` before ``module.exports = { add, sub };``). A last block
ending where the scope the sketch opens with ends keeps the rows after it (``opened_scope.py``), and one read
elsewhere only because its own place would drop more than the end may is refused (``dropped_better``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from polyedit.apply.cost import MARGIN_TERMS, Cost, Reading, rewrapped
from polyedit.apply.generators import CLOSERS, Original
from polyedit.apply.markers import is_comment
from polyedit.apply.opened_scope import indented_scope_end, tail_stays
from polyedit.apply.runs import distinctive
from polyedit.apply.text import indent_width, norm

if TYPE_CHECKING:
    from polyedit.apply.merge import LazyMerge

MAX_DROPPED_AT_EDGE = 3  # non-blank lines a sketch without a marker at an edge may drop there

_PACKAGE = re.compile(r"package\s+[\w.]+\s*;?\s*$")
_PACKAGED = (".go", ".java", ".kt", ".scala")
_WORD = re.compile(r"[A-Za-z_]\w+")
_IDENT = re.compile(r"[A-Za-z_]\w*")
_IMPORT_WORDS = {"import", "from", "as", "use", "extern", "crate", "const", "let", "var", "require", "type", "self"}
_IMPORT = re.compile(
    r"(import\b|from\s+\S+\s+import\b|use\s|extern\s+crate\b|#include\b|(const|let|var)\s.*=\s*require\()"
)
_HEAD = re.compile(r"""(#!|"{3}|'{3}|["']use (client|server)["']|//\s*(go:build|\+build))""")
_DOC_OPENERS = ('"' * 3, "'" * 3, "/*", "*", "//", "#")
_DEFINES = re.compile(r"\b(?:type|class|interface|function|def|const|let|var|struct|enum|fn|trait)\s+([A-Za-z_]\w*)")


def forgot_head(orig: Original, block: list[str], rows: range) -> bool:
    """Whether a first block with no marker before it, read at ``rows.stop``, forgot one: it starts below the
    file's package clause, or below an import whose names the file still uses while it starts with code, not with
    imports or a comment."""
    lines = [orig.lines[r] for r in rows]
    if orig.path.endswith(_PACKAGED) and any(_PACKAGE.match(line) for line in lines):
        return True
    first = next((line.strip() for line in block if line.strip()), "")
    heading = any(_HEAD.match(line.strip()) or is_comment(orig.path, line) for line in lines)
    if _IMPORT.match(first) and heading:
        return True  # imports first below a shebang, a docstring, a licence comment, 'use client' or a build tag
    attribute = first.startswith(("#[", "#!["))  # Rust's attributes are code, not comments
    if _IMPORT.match(first) or (not attribute and (first.startswith(_DOC_OPENERS) or is_comment(orig.path, first))):
        return False  # a real edit deleting the file's first lines shows what follows them: imports, a comment
    # Code first, below a line that is no import ('use client', a build tag, 'use strict'), or an import whose
    # names the file still uses: the marker was forgotten. (A name the block defines itself replaces the import;
    # one in a string or a comment counts as a use: the doubt refuses, it never deletes.)
    if any(line.strip() and not _IMPORT.match(line.strip()) for line in lines):
        return True
    imported = {name for line in lines if _IMPORT.match(line.strip()) for name in bound_names(line)}
    defined = {m.group(1) for line in block for m in _DEFINES.finditer(line)}
    rest = {w for line in orig.lines[rows.stop :] for w in _IDENT.findall(line)}
    if orig.path.endswith((".jsx", ".tsx")):
        rest.add("React")  # JSX uses it without naming it (the classic runtime)
    return bool((imported - defined) & rest)


HEADER = re.compile(
    r"\s*(?:export\s+)?(?:default\s+)?(?:pub(?:\([\w:]+\))?\s+)?(?:async\s+)?"
    r"(?:class|def|func|fn|function|struct|impl|interface|trait|enum)\b"
)


def head_kept(merge: LazyMerge, k: int, reading: Reading) -> bool:
    """Whether the rows above the first block's reading stay although no marker stands before it: the block starts
    at an original definition's header (``starts_at_header``) and the marker after it stands inside that
    definition, deeper: the sketch shows part of one definition; or it starts at a distinctive line standing once
    in the file (``_starts_at_unique_line``) below more than a few lines of code or data, or a package clause,
    that it would otherwise delete: the marker above was forgotten."""
    block = merge.block_at(k)
    inside = block.after_indent is not None and block.after_indent > _first_indent(block.lines)
    first = k == merge.blocks[0] and not block.marker_before and not merge.head_dropped
    if not first:
        return False
    if inside and starts_at_header(merge.orig, block.lines, reading.start):
        return True
    above = range(reading.start)
    if not _starts_at_unique_line(merge, k, reading) or not _edge_refused(merge, k, reading, above, True):
        return False
    # More than a few lines of code or data, or a package clause: no edit deletes those by starting below them. A
    # header comment (a licence, type definitions' credits) it may delete so: DefinitelyTyped dropped theirs.
    lines = [merge.orig.lines[r] for r in above if merge.orig.lines[r].strip()]
    packaged = merge.orig.path.endswith(_PACKAGED) and any(_PACKAGE.match(line) for line in lines)
    code = [line for line in lines if not is_comment(merge.orig.path, line)]
    return packaged or len(code) > MAX_DROPPED_AT_EDGE


def _edge_refused(merge: LazyMerge, k: int, reading: Reading, rows: range, at_start: bool) -> bool:
    """Whether reading the block as deleting ``rows`` at the file's start (end) is a forgotten marker: more than a
    few lines, or lines above the code it starts with (``forgot_head``), unless its new lines re-wrap them."""
    if rewrapped([merge.orig.lines[r] for r in rows], list(reading.new_lines)):
        return False
    forgot = at_start and forgot_head(merge.orig, merge.block_at(k).lines, rows)
    return forgot or sum(1 for r in rows if merge.orig.lines[r].strip()) > MAX_DROPPED_AT_EDGE


def _starts_at_unique_line(merge: LazyMerge, k: int, reading: Reading) -> bool:
    """Whether the first block of a sketch with markers, with none before it, starts with a distinctive line that
    stands once in the file, read where it stands (a decorator, a ``[features]`` table, a YAML key, ``package``'s
    next line): the model started its sketch there and forgot the marker above, rather than deleting what is
    above (a few lines it may delete so: ``MAX_DROPPED_AT_EDGE``)."""
    block = merge.block_at(k)
    if block.marker_before or not (block.marker_after or len(merge.blocks) > 1) or reading.start == 0:
        return False
    key = norm(next((line for line in block.lines if line.strip()), ""))
    return distinctive(key) and merge.orig.positions.get(key) == [reading.start]


def head_unused(orig: Original, start: int, merged: list[str]) -> bool:
    """Whether nothing the rows above ``start`` bind (imports, definitions, module-level names) is used in the
    merged file below them: kept only because the first block starts at a header, they may as well be what the
    sketch deleted (a compiled ``__read`` helper no code calls any more, an unused import), so the merge reads the
    sketch again as the file's first lines (at most a few unused imports dropped; more is refused). Rows holding
    more than one top-level definition are the rest of a module (``rgb_to_yiq`` and four more above ``hsv_to_rgb``),
    which no sketch deletes by starting below them."""
    if len({d.end for d in orig.outline.definitions if d.end < start and d.header_indent == 0}) > 1:  # decorated: 1
        return False
    names: set[str] = set()
    for line in orig.lines[:start]:
        text = line.strip()
        if _IMPORT.match(text):
            names |= bound_names(line)
        if line[:1].isspace():
            continue  # inside a definition: its own locals
        names |= {m.group(1) for m in _DEFINES.finditer(line)}
        if (assigned := re.match(r"([A-Za-z_]\w*)\s*[:=]", text)) is not None:
            names.add(assigned.group(1))
    used = {w for line in merged[start:] for w in _IDENT.findall(line)}
    return bool(names) and not names & used


def _first_indent(lines: list[str]) -> int:
    return next((indent_width(line) for line in lines if line.strip()), 0)


def starts_at_header(orig: Original, block: list[str], start: int) -> bool:
    """Whether a first block with no marker before it starts with the header of an original definition, as it
    stands, read at that definition's start (``class ApiClient:``, then a marker inside it): the sketch shows that
    definition, and the file above it stays (the marker before it was forgotten; a model rewriting the file from
    there would not leave its imports out)."""
    first = next((line for line in block if line.strip()), "")
    if start >= len(orig.lines) or norm(first) != orig.onorm[start] or not HEADER.match(first):
        return False
    return any(d.start == start and d.header_indent == indent_width(first) for d in orig.outline.definitions)


def taken_over(orig: Original, block: list[str], end: int) -> bool:
    """Whether every word of the original rows from ``end`` on stands in the block's lines new to the file."""
    dropped = {w for line in orig.lines[end:] for w in _WORD.findall(line)}
    new = {w for line in block if not orig.positions.get(norm(line)) for w in _WORD.findall(line)}
    return bool(dropped) and dropped <= new


def bound_names(line: str) -> set[str]:
    """The names an import line binds (``b`` of ``from a import b``, ``c`` of ``import {b as c} from 'a'``, ``fs`` of
    ``const fs = require('fs')``, ``d`` of ``use a::{b::d}``, ``C`` of ``import a.b.C;``); when its form is unknown,
    every word but keywords."""
    text = line.strip().rstrip(";")
    if (python := re.match(r"from\s+\S+\s+import\s+(.*)", text)) is not None:
        items, last = python.group(1), False
    elif (required := re.match(r"(?:const|let|var)\s+(.*?)=\s*require\(", text)) is not None:
        items, last = required.group(1), False
    elif text.startswith("import ") and " from " in text:
        items, last = text[len("import ") : text.rindex(" from ")], False
    elif text.startswith("use ") or (text.startswith("import ") and line.rstrip().endswith(";")):
        items, last = text.split(" ", 1)[1], True  # a Rust path, Java's ``import a.b.C;``: its last segment
    elif text.startswith("import ") and not text.startswith("import ("):
        items, last = text[len("import ") :], False  # Python ``import a.b`` binds ``a``
    else:
        return set(_WORD.findall(text)) - _IMPORT_WORDS
    names: set[str] = set()
    for item in re.split(r"[,{}()]", items):
        words = [w for w in _IDENT.findall(item.split(" as ")[-1].split(":")[-1]) if w not in _IMPORT_WORDS]
        if words:
            names.add(words[-1] if last or " as " in item or ":" in item else words[0])
    return names


def tail_kept(merge: LazyMerge, reading: Reading) -> bool:
    """Whether the rows after the last block's reading stay: a marker follows it, it is addressed by name, it
    ends with the lone closer of an original scope it did not show whole (the scope's end, not the file's), or it
    ends at the end of the scope the sketch opens with (of an indented one, inside it): the lines after it, a
    ``__main__`` block or ``Integral.register(int)``, are not what it talks about (``opened_scope.py``)."""
    if merge.open_after(reading.block) or reading.anchored_by_name or tail_stays(merge, reading):
        return True
    if _whole_scope(merge, reading):
        return True
    block = merge.block_at(reading.block)
    last = next((line.rstrip() for line in reversed(block.lines) if line.strip()), "")
    row = reading.end - 1
    return (
        norm(last) in CLOSERS
        and 0 <= row < len(merge.orig.lines)
        and merge.orig.lines[row].rstrip() == last  # the same closer at the same depth
        and any(d.end == row and d.start < reading.start for d in merge.orig.outline.definitions)
    )


def _whole_scope(merge: LazyMerge, reading: Reading) -> bool:
    """In a file no grammar reads, the last block shows one whole brace scope, from its header, standing once, to
    its closer (a CSS rule, a block of a config file): addressed by that header as a definition is by name."""
    if merge.orig.outline.root is not None:
        return False
    block, pairs = merge.block_at(reading.block), dict(reading.pairs)
    shown = [i for i, line in enumerate(block.lines) if line.strip()]
    head, last = (pairs.get(shown[0]), pairs.get(shown[-1])) if shown else (None, None)
    if head is None or last is None or norm(merge.orig.lines[last]) not in CLOSERS:
        return False
    header = norm(merge.orig.lines[head])
    return (
        distinctive(header)
        and len(merge.orig.positions[header]) == 1
        and indented_scope_end(merge.orig.lines, head) == last
    )


def edge_cost(merge: LazyMerge, k: int, reading: Reading, at_start: bool) -> Cost | None:
    """What a block at the sketch's start (end) with no marker there deletes from the file's start (end)."""
    n = len(merge.orig.lines)
    if reading.anchored_by_name:
        return Cost()
    if at_start and (k > 0 or head_kept(merge, k, reading)):
        return Cost()
    if not at_start and tail_kept(merge, reading):
        return Cost()
    rows = range(0, reading.start) if at_start else range(reading.end, n)
    if _edge_refused(merge, k, reading, rows, at_start):
        return None
    dropped = sum(1 for r in rows if merge.orig.lines[r].strip())
    return Cost(changes=1 if dropped else 0, deleted=dropped)


Scored = tuple[Cost, list[Reading]]  # a path of readings, one per block, and its total cost


def file_ends(merge: LazyMerge, layer: dict[Reading, Scored]) -> tuple[list[Scored], list[Scored], list[Cost]]:
    """The dynamic programme's paths with what each drops at the file's end counted in (``edge_cost``), those of
    them that drop lines there (without that count: ``tail_rival``'s), and the costs of the paths that would drop
    more than a sketch without a marker there may."""
    finals, ends, dropping = [], [], []
    for r, (total, path) in layer.items():
        edge = edge_cost(merge, merge.blocks[-1], r, at_start=False)
        if edge is None:
            dropping.append(total)
            continue
        finals.append((total + edge, path))
        if edge.deleted:
            ends.append((total, path))
    return finals, ends, dropping


def dropped_better(merge: LazyMerge, best: Scored, dropping: list[Cost]) -> bool:
    """Whether a reading of the last block by its lines, which would drop more of the file's end than a sketch
    without a marker there may (``dropping``: their paths' costs), pairs edge lines the best path keeping the end
    leaves unpaired (the paths' ``edges`` terms), the best read by its lines elsewhere (not by name, not closing a
    scope): the best is then a fallback, not what the sketch means; it ends the file there, or its marker was
    forgotten, and nothing says which."""
    if not dropping or tail_kept(merge, best[1][-1]):  # kept by name, a marker, a closer or the opened scope
        return False
    return min(cost.edges for cost in dropping) < best[0].edges


def tail_rival(
    merge: LazyMerge, best: list[Reading], total: Cost, ends: list[tuple[Cost, list[Reading]]]
) -> list[Reading] | None:
    """A reading of the sketch's last block by its lines, ending the file where the block ends, as good as the
    best one but for the lines it drops, when the best reads the block by name and keeps them (a sketch with
    markers, none after its last block) and the block's new lines say what the dropped lines said (every word
    of ``exports.default = _default;`` is in the new ``var _default = exports.default = {``): the sketch may
    end the file there, having moved their work into the block, or the model forgot the marker. When the new
    lines do not take the dropped ones over (``module.exports = { add, sub };`` after a changed ``sub``), the
    marker was forgotten: a model does not end a module by leaving out its exports."""
    last = best[-1]
    marked = len(merge.blocks) > 1 or merge.marker_before(merge.blocks[0]) is not None
    if not marked or not last.anchored_by_name or merge.open_after(last.block):
        return None  # a fragment without markers is read by name: its definitions are its only address
    best_terms = total.terms()[:MARGIN_TERMS]  # a reading by name drops nothing at the edge: its total is its own
    for cost, path in ends:
        if cost.terms()[:MARGIN_TERMS] <= best_terms and taken_over(
            merge.orig, merge.block_at(path[-1].block).lines, path[-1].end
        ):
            return path
    return None
