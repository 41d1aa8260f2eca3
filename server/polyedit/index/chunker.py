"""Split a file into chunks that follow its definitions and fit the embedding model's window.

Chunks are line ranges. A definition that fits the token budget is one chunk; a class (impl, namespace, ...) that
does not is chunked member by member with its header as a chunk of its own; any other long definition is cut into
windows. Code between definitions becomes glue, and small neighbours are merged while they fit. Files without a
grammar (or whose grammar fails) are cut into overlapping windows. Budgets are in estimated model tokens, not lines:
MiniLM reads at most 256 tokens, and a 40-line window of real code is ~400.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass

import tree_sitter

from polyedit.index.languages import LanguageSpec, language_for, parser_for
from polyedit.index.tokens import estimate_tokens

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
log = logging.getLogger(__name__)

WINDOW_OVERLAP_LINES = 3
# Bump when a change moves chunk boundaries or line numbers: the index file's name carries the version and the token
# budget (``store.workspace_db_path``), so another recipe starts an index of its own.
# 2: lines break only at \n, \r\n and \r.
CHUNKER_VERSION = 2


@dataclass(frozen=True)
class Chunk:
    start_line: int  # 1-based, inclusive
    end_line: int  # 1-based, inclusive
    symbol: str | None  # qualified name of the (first) definition, e.g. "UserService.fetch_user"
    text: str  # the file's lines, verbatim
    header: str  # "path > Class :: name": the context the embedding model reads before the code

    @property
    def embed_text(self) -> str:
        return embed_text(self.header, self.text)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.embed_text.encode("utf-8")).hexdigest()


def embed_text(header: str, text: str) -> str:
    """What the embedding model reads for a chunk (its hash is the embedding cache key)."""
    return f"{header}\n{text}"


@dataclass
class _Seg:
    start: int  # 0-based row, inclusive
    end: int  # 0-based row, inclusive
    symbol: str | None
    context: tuple[str, ...]
    tokens: int
    is_def: bool


class Chunker:
    def __init__(self, max_tokens: int = 200) -> None:
        self.max_tokens = max_tokens
        self.min_tokens = max_tokens // 4
        self._prefix: list[int] = [0]

    @property
    def recipe(self) -> str:
        """What decides the chunks a file gets: the chunker's version and its token budget."""
        return f"chunker {CHUNKER_VERSION}, max_tokens {self.max_tokens}"

    def chunk(self, path: str, text: str) -> list[Chunk]:
        lines = _lines(text)
        if not lines:
            return []
        self._prefix = [0]  # token prefix sums per line: any range's estimate in O(1)
        for line in lines:
            self._prefix.append(self._prefix[-1] + estimate_tokens(line))
        spec = language_for(path)
        segs: list[_Seg] | None = None
        if spec is not None:
            try:
                tree = parser_for(spec.name).parse(text.encode("utf-8"))
                segs = self._segments(spec, tree.root_node, lines, (), 0, len(lines) - 1)
            except Exception:  # a failing grammar must not stop indexing: fall back to windows
                log.warning("tree-sitter failed on %s; chunking it as plain text", path, exc_info=True)
        if segs is None:
            segs = self._windows(lines, 0, len(lines) - 1, None, (), WINDOW_OVERLAP_LINES)
        return [self._to_chunk(path, lines, seg) for seg in self._merge(segs)]

    # --- structure ------------------------------------------------------------------------------------------

    def _segments(
        self,
        spec: LanguageSpec,
        container: tree_sitter.Node,
        lines: list[str],
        context: tuple[str, ...],
        first: int,
        last: int,
    ) -> list[_Seg]:
        """Segments covering rows first..last of a container: its definitions, and glue between them."""
        defs: list[_Seg] = []
        for child in container.named_children:
            node = _unwrap(spec, child)
            if node is None:
                continue
            start, end = _rows(child)
            start, end = max(start, first), min(end, last)
            if start > end or (defs and start <= defs[-1].end):
                continue
            name = _name_of(node)
            tokens = self._tokens(lines, start, end)
            symbol = ".".join((*context, name)) if name else None
            if tokens <= self.max_tokens:
                defs.append(_Seg(start, end, symbol, context, tokens, True))
                continue
            body = node.child_by_field_name("body")
            if node.type in spec.containers and body is not None and name is not None:
                body_start, _ = _rows(body)
                members = self._segments(spec, body, lines, (*context, name), max(body_start, start), end)
                member_defs = [m for m in members if m.is_def]
                header_end = (member_defs[0].start - 1) if member_defs else body_start
                header_end = max(start, min(header_end, end))
                defs += self._windows(lines, start, header_end, symbol, context, 0)
                defs += [m for m in members if m.start > header_end]
            else:
                defs += self._windows(lines, start, end, symbol, context, 1)
        return self._fill_gaps(defs, lines, context, first, last)

    def _fill_gaps(
        self, defs: list[_Seg], lines: list[str], context: tuple[str, ...], first: int, last: int
    ) -> list[_Seg]:
        out: list[_Seg] = []
        cursor = first
        for seg in [*defs, None]:
            gap_end = (seg.start - 1) if seg else last
            if gap_end >= cursor and any(line.strip() for line in lines[cursor : gap_end + 1]):
                out += self._windows(lines, cursor, gap_end, None, context, 0, is_def=False)
            if seg:
                out.append(seg)
                cursor = seg.end + 1
        return out

    def _windows(
        self,
        lines: list[str],
        first: int,
        last: int,
        symbol: str | None,
        context: tuple[str, ...],
        overlap: int,
        is_def: bool = True,
    ) -> list[_Seg]:
        """Cut rows first..last into windows of at most max_tokens (a single longer line stays whole)."""
        out: list[_Seg] = []
        start = first
        while start <= last:
            end, tokens = start, self._tokens(lines, start, start)
            while end < last:
                more = self._tokens(lines, end + 1, end + 1)
                if tokens + more > self.max_tokens:
                    break
                end, tokens = end + 1, tokens + more
            out.append(_Seg(start, end, symbol, context, tokens, is_def))
            if end >= last:
                break
            start = max(end + 1 - overlap, start + 1)
        return out

    def _merge(self, segs: list[_Seg]) -> list[_Seg]:
        """Merge adjacent segments when one is glue or tiny and the sum fits the budget."""
        out: list[_Seg] = []
        for seg in segs:
            prev = out[-1] if out else None
            if (
                prev is not None
                and seg.start > prev.end  # only blank lines between (overlapping windows never merge)
                and prev.tokens + seg.tokens <= self.max_tokens
                and (not prev.is_def or not seg.is_def or min(prev.tokens, seg.tokens) < self.min_tokens)
            ):
                defs = [s for s in (prev, seg) if s.is_def] or [prev]
                keep = max(defs, key=lambda s: s.tokens)
                out[-1] = _Seg(
                    prev.start,
                    seg.end,
                    keep.symbol,
                    keep.context,
                    prev.tokens + seg.tokens,
                    prev.is_def or seg.is_def,
                )
            else:
                out.append(seg)
        return out

    def _tokens(self, lines: list[str], first: int, last: int) -> int:
        return self._prefix[last + 1] - self._prefix[first]

    @staticmethod
    def _to_chunk(path: str, lines: list[str], seg: _Seg) -> Chunk:
        text = "".join(lines[seg.start : seg.end + 1])
        header = " > ".join((path, *seg.context))
        if seg.symbol:
            header += f" :: {seg.symbol.rsplit('.', 1)[-1]}"
        return Chunk(seg.start + 1, seg.end + 1, seg.symbol, text, header)


def _lines(text: str) -> list[str]:
    """The file's lines, ends kept, broken where the editor breaks them (LSP: \\n, \\r\\n, \\r): not at a form feed
    or U+2028, which str.splitlines breaks at and tree-sitter does not (every chunk after one was a line off)."""
    return _LINE.findall(text)


def _rows(node: tree_sitter.Node) -> tuple[int, int]:
    start, end = node.start_point.row, node.end_point.row
    if node.end_point.column == 0 and end > start:
        end -= 1
    return start, end


def _unwrap(spec: LanguageSpec, node: tree_sitter.Node) -> tree_sitter.Node | None:
    """The definition a top-level node carries (through decorators/exports/templates), or None."""
    for _ in range(3):
        if node.type in spec.definitions:
            if node.type in ("lexical_declaration", "variable_declaration") and not _declares_function(node):
                return None
            return node
        if node.type not in spec.wrappers:
            return None
        inner = node.child_by_field_name("definition") or node.child_by_field_name("declaration")
        if inner is None:
            named = [c for c in node.named_children if c.type in spec.definitions or c.type in spec.wrappers]
            inner = named[-1] if named else None
        if inner is None:
            return None
        node = inner
    return None


def _declares_function(node: tree_sitter.Node) -> bool:
    for declarator in node.named_children:
        value = declarator.child_by_field_name("value")
        if value is not None and value.type in ("arrow_function", "function_expression", "function", "class"):
            return True
    return False


def _name_of(node: tree_sitter.Node) -> str | None:
    """The defined name: the ``name`` field, or the language's equivalent (impl type, declarator, type spec)."""
    for field in ("name", "type"):
        child = node.child_by_field_name(field)
        if child is not None and child.text is not None and child.type.endswith("identifier"):
            return child.text.decode("utf-8", "replace")
    if node.type == "impl_item":
        child = node.child_by_field_name("type")
        return child.text.decode("utf-8", "replace") if child is not None and child.text else None
    current: tree_sitter.Node | None = node
    for _ in range(6):  # C/C++ declarators nest (pointer -> function -> identifier); Go types sit in a spec
        if current is None:
            return None
        nxt = current.child_by_field_name("declarator")
        if nxt is None:
            specs = [c for c in current.named_children if c.type in ("type_spec", "variable_declarator")]
            nxt = specs[0] if specs else None
        if nxt is None:
            return None
        named = nxt.child_by_field_name("name")
        if named is not None and named.text:
            return named.text.decode("utf-8", "replace")
        if nxt.type.endswith("identifier") and nxt.text:
            return nxt.text.decode("utf-8", "replace")
        current = nxt
    return None
