"""A markerless sketch that cannot be the whole new file, read as the part of the file it shows.

A model that changes one CSS rule, one YAML job, one line of a function or one Markdown row often sends just that,
with no marker around it. ``api`` merges it as if a marker stood before and after it (``bracketed``: one of its
lines must stand in the file, and none may stand for lines left out), then keeps the result only if the part stood
where it reads (``problem``):

- its first and last lines are lines of the file, or, new there, they replace lines they are versions of (``self.
  maxlevel = 8`` for ``= 6``), or stand beside lines they are no version of (a new function before ``return M``);
  a new line at an edge that is about the line beside it (``await sleep(...)`` before ``await sleep(...)``) or one
  of the few past it (``_version_past``), or a new closing brace there, may replace that line or stand beside it,
  and nothing says which;
- it does not run from the file's first distinctive line to its last (then it may be the whole file rewritten);
- its lines moved by one shift (a part placed whole);
- it deletes no line, but statements between two of its lines that stand once in the file (deleted or rewritten
  there; a fragment of several definitions skips the ones between, so no definition may be among them), and not
  a run its edge line may have jumped over to pair with a copy of itself further on (``_jumped``);
- beyond the lines it shows unchanged it rewrites no block's opening line (``.alert-info`` then a new
  ``.alert-warning`` rule: added, not written over ``.alert-danger`` that follows), but a control statement's
  (``for (const meta of [...]) {`` with one more item).

Blank lines it adds between two of the file's lines are a retyped fragment's spacing, not an edit (``spacing``),
unless they are its only change.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from polyedit.apply.edits import line_opcodes
from polyedit.apply.file_edges import HEADER
from polyedit.apply.likeness import WORDS, line_key, recognisable_edit, rewritten
from polyedit.apply.markers import comment_styles, elision_line
from polyedit.apply.runs import distinctive
from polyedit.apply.structure import Outline, outline_of
from polyedit.apply.text import indent_width, norm

_CLOSERS = {"/*": " */", "{/*": " */}", "<!--": " -->"}


def bracketed(path: str, original: list[str], sketch: list[str]) -> str | None:
    """The sketch between two markers of the file's comment syntax, or None when none of its lines stands in the
    file as it is (nothing places it) or one stands for lines left out (``[... rest unchanged ...]``: the sketch
    says it is not the part it shows, but that part with an elision the merge does not read as a marker)."""
    known = {norm(line) for line in original}
    styles = comment_styles(path)
    if not any(distinctive(norm(line)) and norm(line) in known for line in sketch):
        return None
    if any(elision_line(line, styles) for line in sketch):
        return None
    marker = marker_line(path)
    return "\n".join([marker, *sketch, marker])


def marker_line(path: str) -> str:
    """A marker in the file's first comment syntax."""
    style = comment_styles(path)[0]
    return f"{style} ... existing code ...{_CLOSERS.get(style, '')}"


def problem(path: str, original: list[str], sketch: list[str], result: list[str]) -> str | None:
    """Why the merged part does not stand where it reads, or None."""
    shown = [line for line in sketch if line.strip()]
    opcodes = [op for op in line_opcodes(original, result) if op[0] != "equal"]
    for edge, at_start in ((norm(shown[0]), True), (norm(shown[-1]), False)):
        count = Counter(norm(line) for line in sketch)[edge]
        if sum(norm(line) == edge for line in result) - sum(norm(line) == edge for line in original) >= count:
            why = _new_edge(path, original, result, opcodes, edge, at_start)
            if why is not None:
                return why
    paired = _paired(sketch, result)
    shifts = {indent_width(result[j]) - indent_width(sketch[i]) for i, j in paired if sketch[i].strip()}
    if len(shifts) > 1:
        return f"its lines would stand at {len(shifts)} different shifts from its indentation: where it goes is unclear"
    once = {key for key, n in Counter(norm(line) for line in original).items() if n == 1}
    anchors = [j for i, j in paired if distinctive(norm(sketch[i])) and norm(sketch[i]) in once]
    if _spans_file(original, shown):
        return "it runs from the file's first line to its last: it may be the whole file rewritten"
    outline = outline_of(path, tuple(original))
    edges = {j for i, j in paired if distinctive(norm(sketch[i])) and sketch[i] in (shown[0], shown[-1])}
    for _, a, b, c, d in opcodes:
        dropped = sum(1 for line in original[a:b] if line.strip())
        jumped = c == d and any(_jumped(result[j], original[a:b]) for j in edges & {c - 1, c})
        if dropped > sum(1 for line in result[c:d] if line.strip()) and (
            jumped or not _inside(path, outline, original, anchors, (a, b, c, d))
        ):
            return f"it drops lines after line {a}: a part without markers may have skipped them, not deleted them"
        outside = not anchors or c > anchors[-1] or d <= anchors[0]
        opener = next((line for line in original[a:b] if _opens(path, line)), None)
        if outside and opener is not None and not _reopened(path, original[a:b], result[c:d]):
            return f"it would rewrite '{opener.strip()[:40]}' beyond the lines it shows unchanged, not add beside it"
    return None


def _new_edge(
    path: str,
    original: list[str],
    result: list[str],
    opcodes: list[tuple[str, int, int, int, int]],
    edge: str,
    at_start: bool,
) -> str | None:
    """Why the part's first (last) line, new in the file, does not read as a change there, or None: it must
    replace lines it is a version of, or be added beside a line it is no version of (a changed line at a part's
    edge may replace the file's line there or stand beside it, and only their likeness says which). Added, it
    may not be about what a line near it is about (``self.maxlevel = 8`` a few lines below ``self.maxlevel =
    6``: the part may have skipped the lines between), nor, last, open a block it does not show."""
    refusal = f"its edge '{edge[:40]}' would be a new line: it may replace the file's line there or stand beside it"
    if not distinctive(edge):
        return refusal  # a new closer at its edge: where does the part end?
    for tag, a, b, c, d in opcodes if at_start else reversed(opcodes):
        rows = [j for j in range(c, d) if norm(result[j]) == edge]
        if not rows:
            continue
        line = result[rows[0] if at_start else rows[-1]]
        beside = a - 1 if at_start else b
        version_beside = (
            0 <= beside < len(original)
            and distinctive(norm(original[beside]))
            and _version(result[c:d], line, original[beside])
        )
        if tag == "insert" and not version_beside:
            opens = not at_start and (_opens(path, line) or (path.endswith(_MARKDOWN) and edge.startswith("#")))
            if not opens and not _namesake_near(original, a, line) and not _version_past(original, a, line, at_start):
                return None
        elif tag == "replace" and not version_beside and rewritten(original[a:b], result[c:d]):
            return None
        break
    return refusal


_MARKDOWN = (".md", ".markdown", ".mdx")
NEAR = 30  # rows around an added edge line searched for a line about the same thing


FAR = 3  # rows on the far side of an added edge line searched for its old version


def _version_past(original: list[str], at: int, line: str, at_start: bool) -> bool:
    """Whether one of the few rows on the far side of a line the part adds at its edge (above its first line,
    below its last), as deep, is a version of it (``app.listen(port=8080)`` a row past where ``app.listen(port=
    9090)`` would go): the part may have skipped the rows between and changed that one."""
    rows = range(max(0, at - FAR), at) if at_start else range(at, min(len(original), at + FAR))
    key = line_key(line)
    return any(
        indent_width(original[r]) == indent_width(line)
        and ((bool(key) and line_key(original[r]) == key) or recognisable_edit(line, original[r]))
        for r in rows
        if distinctive(norm(original[r]))
    )


def _namesake_near(original: list[str], at: int, line: str) -> bool:
    """Whether ``line`` defines a name (``V1=${1:?version1}``, ``.hidden {...}``, ``static ignoreImplicitWorkspace
    = true``) that a line of the file near row ``at``, as deep, defines too."""
    key = line_key(line)
    if not key or not re.match(rf"\s*{re.escape(key)}\s*(=(?!=)|{{)", line):
        return False  # it defines no name (a call, a tag, a list's item): it may stand beside its likes
    near = original[max(0, at - NEAR) : at + NEAR]
    return any(line_key(other) == key and indent_width(other) == indent_width(line) for other in near)


def _inside(
    path: str, outline: Outline, original: list[str], anchors: list[int], rows: tuple[int, int, int, int]
) -> bool:
    """Whether the original rows ``a``-``b`` the part drops are statements between two of its unchanged lines,
    shown next to each other or with new lines between (an ``if`` chain become three ``min(max(...))`` lines):
    deleted or rewritten there, not skipped. A fragment of several definitions skips the ones between, so no
    definition may start among them (in a file without a grammar, no line opening a block)."""
    a, b, c, d = rows
    if not anchors or anchors[0] >= c or anchors[-1] < d:
        return False
    if outline.root is None:
        return not any(_opens(path, line) for line in original[a:b])
    return not any(a <= definition.start < b for definition in outline.definitions)


MIN_JUMPED = 3  # non-blank lines a part's edge line must pass over to be read as jumping, not deleting them


def _jumped(edge: str, dropped: list[str]) -> bool:
    """Whether the part's edge line, paired right beside lines the part would delete, may rather be a changed
    version of one of them, paired with the file's other copy further on: a few statements, one of them opening
    as it does at its depth (``if hue < TWO_THIRD:`` over ``if hue < ONE_SIXTH:``) or about the same thing (a
    comment's ``'less than or equal';`` over ``'less than';``)."""
    lines = [line for line in dropped if line.strip()]
    words = set(WORDS.findall(edge))

    def like(line: str) -> bool:
        if _lead(line) == _lead(edge) and indent_width(line) == indent_width(edge):
            return True
        own = set(WORDS.findall(line))
        return len(own) >= 2 and own <= words  # all its words (two at least: not ``}`` nor ``</p>``)

    return len(lines) >= MIN_JUMPED and any(like(line) for line in lines)


def _version(added: list[str], edge: str, line: str) -> bool:
    """Whether the new lines at a part's edge may be a version of the file's ``line`` beside them: the edge line
    is about the same thing (``await sleep(...)``), or the new lines hold all its words (a paragraph's last line
    re-wrapped into them)."""
    words = set(WORDS.findall(line))
    key = line_key(line)
    return (bool(key) and line_key(edge) == key) or (
        bool(words) and words <= {w for new in added for w in WORDS.findall(new)}
    )


def _reopened(path: str, dropped: list[str], added: list[str]) -> bool:
    """Whether every block opener the part rewrites is a control statement with a version among its new lines
    (``for (const meta of [...]) {`` with one more item, ``if fi.Mode().Perm() ... {`` with another test): a
    changed condition, not another block written over it (``.alert-warning {`` over ``.alert-danger {``,
    ``upstream admin {`` over ``upstream api {``)."""
    return all(
        any(_lead(old) in _CONTROL and _lead(new) == _lead(old) and recognisable_edit(new, old) for new in added)
        for old in dropped
        if _opens(path, old)
    )


_CONTROL = frozenset({"if", "elif", "else", "for", "foreach", "while", "until", "unless", "switch", "with", "try"})


def _lead(line: str) -> str:
    """A line's first token (``for``, ``.alert-danger``, ``upstream``)."""
    return line.strip().split(" ", 1)[0].split("(", 1)[0].rstrip(":")


def spacing(original: list[str], result: list[str]) -> set[int]:
    """The result's rows holding blank lines the part adds between two of the file's lines, when it changes more
    than that (a part whose one change is a blank line keeps it)."""
    rows: set[int] = set()
    changed = False
    for tag, _, _, c, d in line_opcodes(original, result):
        if tag == "insert" and not any(line.strip() for line in result[c:d]):
            rows.update(range(c, d))
        else:
            changed = True
    return rows if changed else set()


def _spans_file(original: list[str], shown: list[str]) -> bool:
    """Whether the part's first line is (a version of) the file's first line and its last the file's last, both
    distinctive (not a closing brace): then it may be the whole file rewritten (a Dockerfile's two stages become
    one) as much as a part of it."""
    lines = [line for line in original if line.strip()]
    ends = ((shown[0], lines[0]), (shown[-1], lines[-1]))
    return all(distinctive(norm(a)) and (norm(a) == norm(b) or recognisable_edit(a, b)) for a, b in ends)


_SECTION = re.compile(r"\[[^\[\],]+\]")  # an INI or TOML section: ``[program:worker]``, ``[tool.ruff]``


_STATEMENT = re.compile(r"(create|alter|comment\s+on)\s", re.IGNORECASE)  # a SQL statement: a unit of its file
_SECTIONED = (".toml", ".ini", ".cfg", ".conf")


def _opens(path: str, line: str) -> bool:
    """Whether a line opens a unit of the file: a block (``{``, ``:``, `` do``), a definition's header, an INI or
    TOML section, a SQL statement."""
    text = line.rstrip()
    opener = text.endswith(("{", ":", " do")) or bool(HEADER.match(text))
    section = path.endswith(_SECTIONED) and bool(_SECTION.fullmatch(text.strip()))
    statement = path.endswith(".sql") and bool(_STATEMENT.match(text))
    return bool(text.strip()) and (opener or section or statement)


def _paired(sketch: list[str], result: list[str]) -> list[tuple[int, int]]:
    """Sketch lines paired in order with the result's rows where they stand (whitespace aside)."""
    strip = [line.strip() for line in sketch]
    matcher = SequenceMatcher(None, strip, [line.strip() for line in result], autojunk=False)
    return [(i + k, j + k) for i, j, size in matcher.get_matching_blocks() for k in range(size)]
