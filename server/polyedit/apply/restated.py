"""A weak end settled by what the block restates: its changed lines are a new version of the statements it skipped.

A block ending with blank or bracket lines before a marker, read as new after a line that had none, while the same
lines stand after a run of whole statements, may insert before those statements or replace them (``weak_end.py``).
A careful reader is not in doubt when the block's changed lines, from its last unchanged line to its weak end, are
a version of the skipped statements: every skipped statement has its version among them (the same name assigned,
an import of one of the same names, or close words: ``salt_bytes = salt.encode()`` for ``salt = salt.encode("utf-8")``),
the last changed line is the version of the last skipped statement, and the changed lines stay in the skipped
statements' scope (none shallower). Read as an insertion, the old and the new version of each statement would stand
side by side; the block rewrote them, and its weak lines are the context after them.

When the block ends with unchanged lines, its versions stand before them: every new line of the block counts
(``from werkzeug.sansio.response import Response`` above ``from ..sansio.app import App``, while ``from ..wrappers
import Response`` is skipped: kept, ``Response`` would be imported twice).

Not when a skipped line stands as it is anywhere in the sketch: then the sketch shows that line kept (or moved), and
the weak end cannot tell which (``from .rules import Rule`` moved above the imports it followed).
"""

from __future__ import annotations

import re

from polyedit.apply.cost import Reading
from polyedit.apply.likeness import line_key, recognisable_edit
from polyedit.apply.runs import distinctive
from polyedit.apply.sketch import Block
from polyedit.apply.text import indent_width, norm


def restates(original: list[str], block: Block, reading: Reading, places: list[int], weak: int) -> bool:
    """Whether the block's changed lines before its ``weak`` end lines are a version of the statements skipped
    between ``places`` (the reading's end and the row where the weak lines stand again); see the module's docstring."""
    body = block.lines[:-weak]
    exact = [(i, row) for i, row in reading.pairs if i < len(body) and norm(body[i]) == norm(original[row])]
    if not exact:
        return False
    last, row = exact[-1]
    changed = [line for line in body[last + 1 :] if line.strip()]
    skipped = [line for line in original[places[0] : places[1]] if line.strip()]
    moved = not changed  # the block ends with unchanged lines: its versions of the skipped ones stand before them
    if moved:
        paired = dict(reading.pairs)
        changed = [line for i, line in enumerate(body) if i not in paired and distinctive(norm(line))]
    if not changed or not skipped:
        return False
    shown = {norm(line) for line in block.lines}
    if any(norm(line) in shown for line in skipped):
        return False  # the sketch shows a skipped line as it is: kept, or moved
    delta = indent_width(original[row]) - indent_width(body[last])
    depth = min(indent_width(line) for line in skipped)
    if any(indent_width(line) + delta < depth for line in changed):
        return False  # new code in an outer scope (a new definition) may as well stand before the skipped lines
    statements = [line for line in skipped if indent_width(line) == depth and distinctive(norm(line))]
    return (
        bool(statements)
        and all(any(_version(new, old, delta) for new in changed) for old in statements)
        and (moved or _version(changed[-1], statements[-1], delta))
    )


def _version(new: str, old: str, delta: int) -> bool:
    """The same key (a name assigned, a module imported from), or a recognisable edit at the same depth; an import
    is a version of another only when it imports one of the same names (``import List`` is no version of ``import
    Dict`` from the same module: both stand), or all of them (``import *`` from the same module or a package holding
    it: ``from ._transports import *`` for ``from ._transports.asgi import ASGITransport``)."""
    names = imported(old)
    if names is not None:
        new_names = imported(new) or set()
        same = bool(names & new_names) or ("*" in new_names and within(module(old), module(new)))
        return same and indent_width(new) + delta == indent_width(old)
    key = line_key(old)
    if re.search(r"\w", key) and line_key(new) == key and indent_width(new) + delta == indent_width(old):
        return True
    return recognisable_edit(new, old, delta)


_IMPORT = re.compile(r"^\s*(?:pub\s+)?(?:from\s+\S+\s+import\b|import\b|use\b)(.*)$")


def module(line: str) -> str:
    """The module an import line imports from (``from X import ...``, ``use X::...``), or its key."""
    found = re.match(r"^\s*from\s+(\S+)\s+import\b", line) or re.match(r"^\s*(?:pub\s+)?use\s+(\S+)::", line)
    return found.group(1) if found is not None else line_key(line)


def within(module: str, package: str) -> bool:
    """Whether ``module`` is ``package`` or inside it (``._transports.asgi`` in ``._transports``)."""
    return module == package or module.startswith((package + ".", package + "::"))


def imported(line: str) -> set[str] | None:
    """The names an import line binds (the words after ``import``, or after a ``use`` path's last ``::``); None
    for a line that is no import."""
    found = _IMPORT.match(line)
    if found is None:
        return None
    text = found.group(1)
    if line.lstrip().startswith(("use ", "pub ")):
        text = text.rsplit("::", 1)[-1]
    text = re.split(r"\bfrom\b", text)[0] if " from " in text else text
    return set(re.findall(r"[A-Za-z_]\w*|\*", text)) - {"as", "type", "self", "crate", "super"}
