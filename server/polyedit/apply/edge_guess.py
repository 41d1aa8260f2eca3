"""A block's edge line, next to a marker, read as an edit of the line beside it: it may as well be a new line.

A block whose first (last) non-blank line stands next to a marker and is paired only approximately with the
original line there (``import c`` with ``import b``, ``c := load(cfg)`` with ``b := load(cfg)``) has two readings:
it replaces that line, or it is a new line inserted beside it, the marker keeping the old one. The block shows
nothing beyond the line that could tell them apart, so the merge refuses rather than delete the neighbour, unless
the line keeps what the original line is about:

- the same definition's header, or the same key when both lines have one: the name assigned (``WINDOWS =``,
  ``self.prefixes: t.Set[str] =``), the module imported from, the tag (``<BlogPostItems``), ``return`` or
  ``raise`` (two in a row would be dead code); a call keeps its key only with the same first string argument (a
  route ``path("users/<pk>/", ...)`` beside ``path("users/", ...)`` is as likely a sibling);
- without a key, nearly the same text (``FUZZY_MIN``) or the same words kept in order (``Run pip install
  polyedit.``), or the original's whole text continued (a paragraph's line re-wrapped longer);
- or it is a scope's head or end, a line that opens or closes a bracket it does not close or open
  (``entryValue := &Entry{``) or ends with a colon (``def load_user(uid):``): read as new it would need a body of
  its own, which the block does not show. (A branch's head whose body the block shows, deeper, is no such head: a
  new ``case 3:`` or ``elif x == 1:`` with a new ``return`` after a marker may be added beside ``case 2:`` as well
  as replace it, and siblings look alike by nature; over the old branch's own body, or keeping the old head's words
  in order (``except X as exc:``, ``case ".py", ".pyi":``), it is that branch's head.)
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from polyedit.apply.cost import Reading
from polyedit.apply.generators import Original
from polyedit.apply.likeness import EXITS, FUZZY_MIN, WORDS, kept_words, line_key, other_definition, same_header
from polyedit.apply.runs import distinctive
from polyedit.apply.sketch import Block
from polyedit.apply.text import indent_width, norm


def guessed_edge(orig: Original, block: Block, reading: Reading, first: bool) -> tuple[str, list[int]] | None:
    """Why the reading's first (``first``) or last non-blank line, next to a marker, replaces a sibling it only
    resembles (the reason and the place), or None."""
    shown = [i for i, line in enumerate(block.lines) if line.strip()]
    if not shown:
        return None
    edge = shown[0] if first else shown[-1]
    pairs = dict(reading.pairs)
    if first:  # an attribute or decorator the block copies (``#[test]``, ``@Test``) leads to the head it marks
        while edge in pairs and _attribute(block.lines[edge]) and edge != shown[-1]:
            edge = next(i for i in shown if i > edge)
    row = pairs.get(edge)
    if row is None:
        return None
    line, old = block.lines[edge], orig.lines[row]
    if norm(line) == norm(old):
        return None
    again = [r for j, r in pairs.items() if j != edge and norm(block.lines[j]) == norm(line) == orig.onorm[r]]
    pinned = _pinned(orig, block.lines, pairs, edge, row, first)
    if again and distinctive(norm(line)) and not pinned and line_key(line) not in EXITS:
        # The block shows the line twice: once as it stands (the end of the test it adds, ``t.ok(error instanceof
        # TypeError)``), once, at its edge, as an edit of a look-alike (the test before's ``... instanceof Error)``):
        # the edge may as well be that line as it stands, the block's new lines after it. Not an exit: ``return
        # nil`` ends many branches, and one changed to it says nothing of where the block stands.
        reason = (
            f"this block's {'first' if first else 'last'} line '{norm(line)[:50]}' is read as replacing line "
            f"{row + 1} ('{norm(old)[:40]}'), while the block shows it again as it stands at line {again[0] + 1}: "
            f"it may be that line, the lines between new; show one more unchanged line "
            f"{'before' if first else 'after'} it"
        )
        return reason, [row, again[0]]
    elsewhere = orig.positions.get(norm(line), [])
    if len(elsewhere) == 1 and distinctive(norm(line)) and not pinned:
        # The line stands, exactly, once in the file at another place: read as an edit of this one, the block is
        # placed by likeness against the one place its own text names (a new ``DecodeV2`` after ``Decode``'s
        # ``return string(j), false, retErr``, read as replacing ``Decode`` from ``return buf.String(), ...``).
        reason = (
            f"this block's {'first' if first else 'last'} line '{norm(line)[:50]}' stands as it is at line "
            f"{elsewhere[0] + 1}, but the block is read as replacing line {row + 1} ('{norm(old)[:40]}') with it: "
            "show one more unchanged line next to it"
        )
        return reason, [row, elsewhere[0]]
    if same_header(line, old) or _continued(line, old):
        return None
    # A head shown with a body of its own (a new ``def test_mul():``, ``it('b', () => {``, ``case 3:``) that is not
    # the old head's body: a sibling looks like its neighbour by nature, so its likeness tells nothing.
    sibling = (
        first
        and opens_or_closes(line)
        and _body_shown(block.lines, edge)
        and not _body_kept(orig, block.lines, pairs, edge, row)
        and not kept_words(WORDS.findall(line), WORDS.findall(old))  # ``except X:`` widened, ``case ".py", ".pyi":``
    )
    if opens_or_closes(line) and not sibling:
        return None
    if not sibling:
        keys = line_key(line), line_key(old)
        if all(re.search(r"\w", k) for k in keys):
            if keys[0] == keys[1] and not other_target(line, old, keys[0]):
                return None  # the same name, another value: an edit (``c := load(cfg)`` for ``b := ...`` is not)
        elif fuzz.ratio(line.strip(), old.strip()) >= FUZZY_MIN or kept_words(WORDS.findall(line), WORDS.findall(old)):
            return None
    reason = (
        f"this block's {'first' if first else 'last'} line '{norm(line)[:50]}' is read as replacing line {row + 1} "
        f"('{norm(old)[:40]}'), but it may be a new line beside it: show the unchanged line "
        f"{'before' if first else 'after'} it"
    )
    return reason, [row]


_ATTRIBUTE = re.compile(r"(#\[|@)[\w.:]+")
_STRING = re.compile(r"""(["'`])(.*?)\1""")


def sibling_replaced(orig: Original, block: Block, reading: Reading, removed: set[int]) -> tuple[str, list[int]] | None:
    """Why the reading reads a new sibling's head as an old one's and deletes some of the old one (the reason and
    the place), or None. A new head that opens a scope, a call of the same function as an original head under
    another first string (``test('child can set level at creation time', ...`` and ``test('changing child level
    does not affect parent', ...``, a route, a flag), is as likely a new sibling as the old one renamed: read as
    the old one, paired with it or replacing it, the old one's lines the block does not show are deleted. So is a
    definition of another name paired with the old one's header after a marker, its body kept (a new exception
    class after the last). Unless the block shows what follows the old one, as it stands: then the old one is the
    one between."""
    pairs = dict(reading.pairs)
    exact = {i for i, row in pairs.items() if norm(block.lines[i]) == orig.onorm[row]}
    heads = [
        i
        for i, line in enumerate(block.lines)
        if i not in exact and opens_or_closes(line) and (_call(line) or _DEFINITION.match(line))
    ]
    if not heads:
        return None
    span = {r for piece in reading.pieces for r in range(piece.start, piece.end)}
    gone = [r for r in sorted(removed & span) if opens_or_closes(orig.lines[r]) and _call(orig.lines[r])]
    for i in heads:
        line, key = block.lines[i], line_key(block.lines[i])
        # the old head it is paired with; for a new call head, the old calls the reading deletes
        olds = [pairs[i]] if i in pairs else ([] if _DEFINITION.match(line) else gone)
        for row in olds:
            old = orig.lines[row]
            if not other_definition(line, old) and (line_key(old) != key or not other_target(line, old, key)):
                continue
            depth = indent_width(old)
            end = next(
                (
                    r
                    for r in range(row + 1, len(orig.lines))
                    if orig.lines[r].strip() and indent_width(orig.lines[r]) <= depth
                ),
                len(orig.lines),
            )
            after = any(  # the block shows what follows the old one as it stands: the old one's place is fixed
                j > i and r >= end and norm(block.lines[j]) == orig.onorm[r] and distinctive(orig.onorm[r])
                for j, r in pairs.items()
            )
            # read as the old one renamed, its body kept, after a marker (a new one is appended after the code a
            # marker keeps; shown first, with no marker before it, it is a rename)
            renamed = i in pairs and block.marker_before and other_definition(line, old)
            if not after and (renamed or any(row <= r < end and orig.lines[r].strip() for r in removed)):
                reason = (
                    f"this block's '{norm(line)[:50]}' is read as replacing line {row + 1} ('{norm(old)[:40]}') "
                    "and deleting part of it, but it may be a new one beside it: if the old one stays, show its "
                    "first line too"
                )
                return reason, [row]
    return None


_DEFINITION = re.compile(
    r"\s*(?:export\s+|pub(?:\([\w:]+\))?\s+|async\s+|default\s+)*(?:class|def|fn|func|function|struct|interface|trait|enum)\b"
)


def _call(line: str) -> bool:
    """A call whose first argument is a string (``test('name', ...``, ``path("users/", ...``)."""
    return re.match(r"\s*[\w.$]+\s*\(\s*[\"'`]", line) is not None


def _pinned(orig: Original, lines: list[str], pairs: dict[int, int], edge: int, row: int, first: bool) -> bool:
    """Whether the edge line's neighbour inside the block stands, as it is, right next to ``row``: a line that
    stands once in the file (``[workspace.package]`` above a changed ``version = "1.4.0"``) fixes its place."""
    step = 1 if first else -1
    inner = next((i for i in range(edge + step, len(lines) if first else -1, step) if lines[i].strip()), None)
    beside = next((r for r in range(row + step, len(orig.lines) if first else -1, step) if orig.onorm[r]), None)
    if inner is None or beside is None or pairs.get(inner) != beside or norm(lines[inner]) != orig.onorm[beside]:
        return False
    return distinctive(orig.onorm[beside]) and len(orig.positions.get(orig.onorm[beside], ())) == 1


def sibling(line: str, old: str) -> bool:
    """A definition of another name (``def test_parse_hex():`` beside ``def test_parse_neg():``), or a call of the
    same function under another first string (``@app.route("/c")``, ``router.get("/c", ...)``): a new sibling as
    likely as the old one changed, never a variant or a re-wrap of it."""
    if other_definition(line, old):
        return True
    key = line_key(line)
    if not re.search(r"\w", key) or key != line_key(old):
        return False
    calls = [text.strip()[len(key) :].lstrip().startswith("(") for text in (line, old)]
    strings = [_STRING.search(text) for text in (line, old)]
    return all(calls) and strings[0] is not None and strings[1] is not None and strings[0][2] != strings[1][2]


def other_target(line: str, old: str, key: str) -> bool:
    """Two calls of one function whose first string arguments differ (``path("users/<pk>/", get_user)`` beside
    ``path("users/", list_users)``, a route, a flag, a setting's name), or, one-line calls without strings, whose
    arguments share no word (``app.register(billing)`` beside ``app.register(teams)``; not a literal replaced by an
    expression, ``wg.Add(1)`` become ``wg.Add(len(jobs))``): a sibling as likely as an edit."""
    calls = [text.strip()[len(key) :].lstrip().startswith("(") for text in (line, old)]
    strings = [_STRING.search(text) for text in (line, old)]
    if not all(calls):
        return False
    if strings[0] is None and strings[1] is None:  # ``app.register(billing)`` beside ``app.register(teams)``
        args = [_parts(text.strip()[len(key) :]) for text in (line, old)]
        literal = any(_literal(text.strip()[len(key) :]) for text in (line, old))  # ``wg.Add(1)``
        return (
            bool(args[0] and args[1]) and not args[0] & args[1] and not literal and line.strip().endswith((")", ");"))
        )
    if strings[0] is None or strings[1] is None:
        return False
    return strings[0].group(2) != strings[1].group(2) and fuzz.ratio(line.strip(), old.strip()) < FUZZY_MIN


_LITERALS = frozenset({"true", "false", "none", "null", "nil", "undefined"})


def _literal(call: str) -> bool:
    """Whether a call's arguments (``(1)``, ``(logging.INFO)``, ``(None)``) are literals or constants only."""
    inner = call.strip().removesuffix(";").strip()
    if not (inner.startswith("(") and inner.endswith(")")):
        return False
    args = [arg.strip() for arg in inner[1:-1].split(",") if arg.strip()]
    return bool(args) and all(
        re.fullmatch(r"-?[\d_.]+|[\w.]*\.?[A-Z][A-Z0-9_]+", arg) or arg.lower() in _LITERALS for arg in args
    )


def _parts(text: str) -> set[str]:
    """The words of ``text`` and their parts (``partial_border_style``: partial, border, style; ``maxAge``: max,
    age), lower-cased: a renamed argument keeps some."""
    return {part.lower() for word in WORDS.findall(text) for part in re.findall(r"[A-Z]?[a-z]+|[A-Z]+|\d+", word)}


def _continued(line: str, old: str) -> bool:
    """The same text, continued or cut short (a paragraph's line re-wrapped)."""
    return norm(line).startswith(norm(old)) or norm(old).startswith(norm(line))


def _attribute(line: str) -> bool:
    """A whole attribute or decorator line (``#[test]``, ``@pytest.mark.slow``), not one that opens a call."""
    return _ATTRIBUTE.match(line.strip()) is not None and not opens_or_closes(line)


def _body_shown(lines: list[str], edge: int) -> bool:
    """Whether the block shows a body under its first line, indented deeper (``case 3:`` and its ``return``): a
    new branch needs nothing more, so its head does not tell an edit from an addition."""
    below = next((line for line in lines[edge + 1 :] if line.strip()), None)
    return below is not None and indent_width(below) > indent_width(lines[edge])


def _body_kept(orig: Original, lines: list[str], pairs: dict[int, int], edge: int, row: int) -> bool:
    """Whether the body's first line under the head is the old branch's, as it stands there: the head changed
    (``except X:`` widened, ``elif score >= 75:`` over the same ``return "C"``), no sibling was added."""
    below = next((i for i in range(edge + 1, len(lines)) if lines[i].strip()), None)
    after = next((r for r in range(row + 1, len(orig.lines)) if orig.lines[r].strip()), None)
    if below is None or after is None or pairs.get(below) != after or norm(lines[below]) != orig.onorm[after]:
        return False
    return len(orig.positions.get(orig.onorm[after], ())) == 1  # ``return err`` under every check proves nothing


def opens_or_closes(line: str) -> bool:
    """A scope's head or end (``entryValue := &Entry{``, ``def load_user(uid):``): read as new it would need a body
    of its own, so it is the original's, whose body the marker keeps."""
    return line.rstrip().endswith(":") or any(line.count(a) != line.count(b) for a, b in ("()", "[]", "{}"))
