"""What the syntax tree says about a text: where definitions start and end, and its syntax errors."""

from __future__ import annotations

from dataclasses import dataclass

from polyedit.index.languages import language_for, parser_for


@dataclass(frozen=True)
class Definition:
    start: int  # 0-based rows, inclusive
    end: int
    header_indent: int
    complete: bool = True  # parsed without errors


class Outline:
    def __init__(self, path: str, lines: list[str]) -> None:
        self.definitions: list[Definition] = []
        self.error_rows: list[int] = []
        spec = language_for(path)
        if spec is None:
            return
        source = ("\n".join(lines) + "\n").encode("utf-8")
        try:
            tree = parser_for(spec.name).parse(source)
        except Exception:  # a grammar that fails gives no structure; the merge then relies on lines alone
            return
        kinds = spec.definitions | spec.wrappers
        stack = [tree.root_node]
        while stack:
            node = stack.pop()
            if node.type == "ERROR" or node.is_missing:
                self.error_rows.append(node.start_point.row)
            if node.type in kinds:
                start, end = node.start_point.row, node.end_point.row
                if node.end_point.column == 0 and end > start:
                    end -= 1
                line = lines[start] if start < len(lines) else ""
                indent = len(line) - len(line.lstrip())
                self.definitions.append(Definition(start, end, indent, not node.has_error))
            if node.has_error or node.type in kinds or node.child_count:
                stack.extend(node.children)

    def definition_end(self, row: int, complete_only: bool = False) -> int | None:
        """End row of the largest definition that starts at ``row`` (decorators and exports included)."""
        ends = [d.end for d in self.definitions if d.start == row and (d.complete or not complete_only)]
        return max(ends) if ends else None

    def body_end_after(self, row: int, marker_indent: int) -> int | None:
        """End of the innermost definition around ``row`` whose header is less indented than the marker."""
        around = [d for d in self.definitions if d.start <= row <= d.end and d.header_indent < marker_indent]
        if not around:
            return None
        return min(around, key=lambda d: d.end - d.start).end

    @staticmethod
    def syntax_errors(path: str, text: str) -> list[int]:
        """0-based rows of ERROR/MISSING nodes; empty for languages without a grammar."""
        return Outline(path, text.split("\n")).error_rows


def has_grammar(path: str) -> bool:
    return language_for(path) is not None
