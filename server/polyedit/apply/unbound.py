"""A deletion the sketch does not show may not remove the binding of a name the result still uses.

Several rules read rows the sketch does not show as deleted: a block that would change nothing but blank lines
(``spacing_only.py``), a weak end settled as replacing what it skipped (``weak_settle.py``), a doubled line or an
exit read as the neighbours of a deletion (``doubled.py``), new lines replacing an old version the marker keeps
(``restated_kept.py``), a framed weak start (``framed.py``). A careful reader takes such rows for deleted only when
nothing left in the file still needs them: when a deleted row binds a name (an import, an assignment, a definition)
that the result still uses and no longer binds, the model more likely left the row out for brevity (``import sys``
then a blank line shown above ``DEBUG = ...`` that ``main`` reads), and the merge refuses as before.
"""

from __future__ import annotations

import re

from polyedit.apply.cost import Reading
from polyedit.apply.restated import imported, module, within

_WORD = re.compile(r"[A-Za-z_]\w*")
_USED = re.compile(r"(?:(?<![\w.])|(?<=\bself\.)|(?<=\bthis\.)|(?<=\bcls\.))[A-Za-z_]\w*")  # not ``Date.now``
_DEFINES = re.compile(
    r"^\s*(?:export\s+|pub(?:\([^)]*\))?\s+|async\s+|static\s+|default\s+)*"
    r"(?:def|fn|func|class|struct|enum|trait|interface|type|const|let|var|static|mod)\s+(?:mut\s+)?"
    r"(?:\([^)]*\)\s*)?([A-Za-z_]\w*)"
)
_ASSIGNS = re.compile(r"^\s*([A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*)\s*(?::[^=]*)?(?::=|=(?!=))")
_IMPORTS = re.compile(r"^\s*(?:pub\s+)?(?:from\s+\S+\s+import\b|import\b|use\b)(.*)$")
_GO_IMPORT = re.compile(r'^\s*(?:([A-Za-z_]\w*)\s+)?"([^"]+)"\s*$')


def binds(line: str) -> set[str]:
    """The names a line binds: imported, defined, or assigned (the last part of a dotted target)."""
    if (found := _IMPORTS.match(line)) is not None:
        text = found.group(1)
        if line.lstrip().startswith(("use ", "pub ")):
            text = text.rsplit("::", 1)[-1]
        if " from " in text:
            text = text.split(" from ", 1)[0]
        if (path := re.search(r'"([^"]+)"', text)) is not None and not re.search(r"[{*]", text):
            return {path.group(1).rsplit("/", 1)[-1]} | set(_WORD.findall(text.split('"', 1)[0]))
        return set(_WORD.findall(re.sub(r"""(["']).*?\1""", "", text))) - {"as", "type", "self", "crate", "super"}
    if (go := _GO_IMPORT.match(line)) is not None:
        return {go.group(1) or re.split(r"[/.-]", go.group(2).rstrip("/"))[-1]}
    if (defined := _DEFINES.match(line)) is not None:
        return {defined.group(1)}
    if (assigned := _ASSIGNS.match(line)) is not None:  # not a name it reads too (``salt = salt.encode()``: rebound)
        names = {target.strip().rsplit(".", 1)[-1] for target in assigned.group(1).split(",")}
        return names - set(_WORD.findall(line[assigned.end() :]))
    return set()


def deleted_rows(reading: Reading) -> set[int]:
    """The original rows the reading replaces without pairing them with a line of the block."""
    paired = {row for _, row in reading.pairs} | reading.kept
    return {row for piece in reading.pieces for row in range(piece.start, piece.end)} - paired


def unbinds(original: list[str], rows: set[int], result: list[str]) -> bool:
    """Whether deleting ``rows`` removes the binding of a name the ``result`` still uses (a bare name, or an
    attribute of ``self``, ``this`` or ``cls``; not ``Date.now``) and no longer binds (an import from a module the
    result imports ``*`` from, or from a package holding it, is bound again)."""
    starred = [module(line) for line in result if "*" in (imported(line) or set())]
    names = {
        name
        for row in rows
        if not any(within(module(original[row]), package) for package in starred)  # rebound by ``import *``
        for name in binds(original[row])
    }
    if not names:
        return False
    bound = {name for line in result for name in binds(line)}
    used = used_names(result)
    return bool((names & used) - bound)


def used_names(lines: list[str]) -> set[str]:
    """The names the lines use: bare, or attributes of ``self``, ``this`` or ``cls`` (not ``Date.now``)."""
    return {word for line in lines for word in _USED.findall(line)}


def assigns(line: str) -> bool:
    """Whether the line is a definition or an assignment (``loc = loc.slice(pos)`` too), not a call or an exit."""
    return _DEFINES.match(line) is not None or _ASSIGNS.match(line) is not None
