"""Minimal text edits from one text to another, with positions in UTF-16 (LSP's default), UTF-8 or UTF-32."""

from __future__ import annotations

import difflib

from polyedit.apply.types import Encoding, TextEdit


def units(text: str, encoding: Encoding) -> int:
    """Length of ``text`` in code units of the encoding (UTF-16 counts astral characters twice)."""
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def line_opcodes(old: list[str], new: list[str]) -> list[tuple[str, int, int, int, int]]:
    """``difflib`` opcodes of two lists of lines; equal lines at both ends are skipped first (most merges change a
    few lines of a long file), so only the middle is diffed."""
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    matcher = difflib.SequenceMatcher(None, old[head : len(old) - tail], new[head : len(new) - tail], autojunk=False)
    return [(tag, i1 + head, i2 + head, j1 + head, j2 + head) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]


def minimal_edits(old: str, new: str, encoding: Encoding = "utf-16") -> list[TextEdit]:
    """One edit per changed hunk of lines, trimmed to the characters that differ. Non-overlapping, in order."""
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    opcodes = line_opcodes(old_lines, new_lines)
    edits: list[TextEdit] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        before, after = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
        prefix = _common_prefix(before, after)
        suffix = _common_prefix(before[prefix:][::-1], after[prefix:][::-1])
        # Never cut a CRLF pair: move the cut outside it on either side.
        if 0 < prefix < len(before) and before[prefix - 1] == "\r" and before[prefix] == "\n":
            prefix -= 1
        if 0 < suffix < len(before) and before[-suffix - 1] == "\r" and before[-suffix] == "\n":
            suffix -= 1
        start = _position(old_lines, i1, before[:prefix], encoding)
        end = _position(old_lines, i1, before[: len(before) - suffix], encoding)
        edits.append(TextEdit(*start, *end, after[prefix : len(after) - suffix]))
    return edits


def apply_edits(text: str, edits: list[TextEdit], encoding: Encoding = "utf-16") -> str:
    """Apply edits (as a client would); used to check that the edits reproduce the merged text."""
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def offset(line: int, character: int) -> int:
        if line >= len(lines):
            return len(text)
        content = lines[line]
        count = 0
        for index, ch in enumerate(content):
            if count >= character:
                return offsets[line] + index
            count += units(ch, encoding)
        return offsets[line] + len(content)

    out = text
    for edit in sorted(edits, key=lambda e: (e.start_line, e.start_character), reverse=True):
        start, end = offset(edit.start_line, edit.start_character), offset(edit.end_line, edit.end_character)
        out = out[:start] + edit.new_text + out[end:]
    return out


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _position(lines: list[str], first_line: int, consumed: str, encoding: Encoding) -> tuple[int, int]:
    """Position after ``consumed`` text that starts at the beginning of ``first_line``."""
    line = first_line + consumed.count("\n")
    tail = consumed.rsplit("\n", 1)[-1] if "\n" in consumed else consumed
    return line, units(tail, encoding)
