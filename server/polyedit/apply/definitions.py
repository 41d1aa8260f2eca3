"""Definition-addressed readings: a block made of whole definitions replaces the original definitions with the same
qualified name (``Repo.load``, ``impl Foo::bar``, ``describe('x') > it('y')``), each re-indented into its scope;
a definition of a new name goes after the shown definition before it (or before the one after it). The file
around them stays: the name, not the position, says where they go.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from itertools import pairwise
from pathlib import PurePosixPath

from polyedit.apply.cost import Cost, Piece, Reading, alignment_cost
from polyedit.apply.generators import Original
from polyedit.apply.indentation import render
from polyedit.apply.likeness import recognisable_edit
from polyedit.apply.markers import is_comment
from polyedit.apply.runs import Alignment, distinctive
from polyedit.apply.shown import shown_definitions
from polyedit.apply.sketch import Block
from polyedit.apply.structure import Definition, outline_of
from polyedit.apply.targets import MAX_CANDIDATES, siblings, targets_of
from polyedit.apply.text import indent_width, norm, reindent

_OVERLOADING = (".java", ".cs", ".kt", ".scala", ".cpp", ".hpp", ".cc", ".h")


def definition_readings(orig: Original, index: int, block: Block) -> list[Reading]:
    shown = shown_definitions(orig.path, block.lines)
    if not shown:
        return []
    last_header = indent_width(block.lines[shown[-1][0]])
    if block.after_indent is not None and block.after_indent > last_header:
        return []  # a marker inside the last definition: the block does not show it whole
    fragment = not (block.marker_before or block.marker_after)
    targets = [targets_of(orig, block.lines[s : e + 1], name, fragment) for s, e, name in shown]
    if not any(targets) or any(len(t) > 1 for t in targets):
        return []  # a name the file holds several times addresses nothing: the lines decide
    targets = siblings(block, shown, targets)
    if not any(targets):
        return []
    last = block.lines[: shown[-1][1] + 1]
    if (block.marker_after or fragment) and targets[-1] and _stops_inside(orig, last, targets[-1][0], not fragment):
        return []  # the last definition shown in part: the marker after it (or around it) stands for the rest
    readings = []
    for choice in range(MAX_CANDIDATES):
        picked = [t[min(choice, len(t) - 1)] if t else None for t in targets]
        if choice and all(len(t) <= 1 for t in targets):
            break
        reading = _reading(orig, index, block, shown, picked)
        if reading is not None:
            readings.append(reading)
    return readings


def _stops_inside(orig: Original, lines: list[str], target: Definition, marked: bool) -> bool:
    """Whether the block shows the target's header as the file has it and stops inside its body: its last line is
    a line of the body that two non-blank lines or more follow there (``def main():``, a new ``import json``,
    ``args = parse_args(argv)``, then a marker at column 0 before the eight lines of ``main`` it keeps), or its
    first body line stands as the file's, the body is longer by two lines at least and neither of its last two
    lines is shown (``def parse(text):``, ``data = json.loads(text)``, a new ``log.debug(...)``, a marker). A
    function rewritten shorter that shows none of its old end is then read by its lines, and refused if unclear.
    A fragment without markers (not ``marked``) stops inside the second way only if its body lines are the
    body's first ones, as they stand or versions of them: one rewritten whole shows none of its old end either."""
    if not lines or norm(lines[0]) != orig.onorm[target.start]:
        return False
    last = next((norm(line) for line in reversed(lines) if line.strip()), "")
    rows = [r for r in range(target.start + 1, target.end + 1) if orig.onorm[r] == last]
    if len(rows) == 1 and distinctive(last):
        return sum(1 for r in range(rows[0] + 1, target.end + 1) if orig.onorm[r]) >= 2
    # Or its first body line stands as the file's does, and none of the definition's last two lines is shown.
    shown = [norm(line) for line in lines[1:] if line.strip()]
    body = [orig.onorm[r] for r in range(target.start + 1, target.end + 1) if orig.onorm[r]]
    if not shown or len(body) < len(shown) + 2 or shown[0] != body[0] or set(body[-2:]) & set(shown):
        return False
    # A fragment without markers, which may be the definition rewritten whole, must show the body's first lines,
    # each as it stands or a version of it (``self.maxlevel = 8`` for ``= 6``): the start of the body, then nothing.
    return marked or all(a == b or recognisable_edit(a, b) for a, b in zip(shown, body, strict=False))


def _reading(
    orig: Original,
    index: int,
    block: Block,
    shown: list[tuple[int, int, tuple[str, ...]]],
    picked: list[Definition | None],
) -> Reading | None:
    pieces: list[Piece] = []
    kept: set[int] = set()
    new: list[str] = []
    cost = Cost()
    doubt: tuple[str, tuple[int, ...]] | None = None
    addressed: dict[int, int] = {}  # a shown definition's position -> its piece
    held: list[tuple[int, int]] = []  # block lines standing as the file has them outside the pieces
    anchors = [d for d in picked if d is not None]
    if any(b.start <= a.end for a, b in pairwise(anchors)):
        return None  # shown in another order than the file's
    unit = _unit(orig, block, shown, picked) if None in picked else None
    for position, ((s, e, _name), target) in enumerate(zip(shown, picked, strict=True)):
        lines = block.lines[s : e + 1]
        if target is None:
            before = next((d for d in reversed(picked[:position]) if d is not None), None)
            after = next((d for d in picked[position + 1 :] if d is not None), None)
            anchor = before or after
            assert anchor is not None
            at = before.end + 1 if before is not None else after.start  # type: ignore[union-attr]
            delta = indent_width(orig.lines[anchor.start]) - indent_width(block.lines[shown[0][0]])
            if unit is not None:  # the sketch indents by another unit: scaled, nested lines too
                delta = indent_width(orig.lines[anchor.start]) - round(indent_width(block.lines[shown[0][0]]) * unit)
                text = [
                    _shift(line, round(indent_width(line) * unit) - indent_width(line) + delta, orig.tabs)
                    for line in lines
                ]
            else:
                text = [_shift(line, delta, orig.tabs) for line in lines]
            # Separated from the definition before (after) it as the sketch separates them, by nothing when it
            # shows them right against each other.
            if before is not None:
                text = [*block.lines[shown[position - 1][1] + 1 : s], *text]
            else:
                text = [*text, *block.lines[e + 1 : shown[position + 1][0]]]
            pieces.append(Piece(at, at, tuple(text)))
            new += [norm(line) for line in lines]
            texts = [norm(line) for line in lines]
            cost = cost + Cost(
                unpaired=sum(map(distinctive, texts)), changes=1, weak=sum(not distinctive(line) for line in texts)
            )
            continue
        members = _members_shown(orig, lines, target)
        if members == []:
            return None  # a class shown in part whose members cannot be addressed: read whole it would lose some
        if members is not None:  # a class shown with some of its members: those members, by name
            head = [k for k in range(len(lines)) if lines[k].strip() and norm(lines[k]) == orig.onorm[target.start]]
            held += [(s + head[0], target.start)] if head else []  # its header stands as the file has it
            for member_lines, member in members:
                alignment = _pair(orig, member_lines, member.start, member.end)
                text, reindented = render(orig, member_lines, alignment)
                if not alignment.pairs:  # header and body changed: shifted like the member it replaces
                    text = _moved_to(orig, member_lines, member.start, alignment)
                span = (member.start, member.end + 1)
                cost = cost + alignment_cost(
                    member_lines, orig.lines, orig.outline, alignment, span, reindented, (False, False)
                )
                pieces.append(Piece(member.start, member.end + 1, tuple(text)))
                kept.update(alignment.pairs.values())
                new += [norm(member_lines[i]) for i in range(len(member_lines)) if i not in alignment.pairs]
            continue
        start = _comments_above(orig, target.start) if is_comment(orig.path, lines[0]) else target.start
        alignment = _pair(orig, lines, start, target.end)
        if not alignment.pairs:
            return None
        above = alignment.pairs.get(0)
        if block.marker_before and s == 0 and above is not None and above > start:
            keeps = _keeps_above(orig, block, start, above)
            if keeps is True:
                start, alignment = above, _pair(orig, lines, above, target.end)
            elif keeps:
                doubt = keeps
        text, reindented = render(orig, lines, alignment)
        if not any(distinctive(norm(lines[i])) for i in alignment.pairs):  # only a ``}`` pairs: shift it whole
            text = _moved_to(orig, lines, start, alignment)
        span = (start, target.end + 1)
        cost = cost + alignment_cost(lines, orig.lines, orig.outline, alignment, span, reindented, (False, False))
        pieces.append(Piece(start, target.end + 1, tuple(text)))
        addressed[position] = len(pieces) - 1
        kept.update(alignment.pairs.values())
        new += [norm(lines[i]) for i in range(len(lines)) if i not in alignment.pairs]
    unchanged = len(addressed) == len(pieces) and all(
        piece.lines == tuple(orig.lines[piece.start : piece.end]) for piece in pieces
    )
    if unchanged and (block.marker_before or block.marker_after):
        pieces, dropped = _gaps_dropped(orig, block, shown, pieces, addressed)
        cost = cost + Cost(changes=dropped, deleted=dropped)
    pieces.sort(key=lambda p: (p.start, p.end))
    if any(b.start < a.end for a, b in pairwise(pieces)):
        return None
    return Reading(
        index,
        "definition",
        tuple(pieces),
        cost,
        tuple(new),
        anchored_by_name=True,
        kept=frozenset(kept),
        pairs=tuple(held),
        doubt=doubt,
    )


def _members_shown(orig: Original, lines: list[str], target: Definition) -> list[tuple[list[str], Definition]] | None:
    """A class (impl, object) shown with its header as the file has it (its fields may be left out) and some of its
    members, each one the file has, others left out: the shown members with the file's members of the same names.
    A model shows the members it changed (``class Client:`` and its changed ``get``, not ``post``); read as the
    whole class, the block would delete the others. None when the block shows every member, or another header, or
    a member the file lacks; empty when its members cannot be addressed by name (a getter beside its setter,
    overloads, a nested class shown in part): then no reading by name stands."""
    if target.holds_code:
        return None
    width = min((indent_width(line) for line in lines if line.strip()), default=0)
    body = [line[width:] if line[:width].strip() == "" else line.lstrip() for line in lines]
    outline = outline_of(orig.path, tuple(body))
    if outline.root is None or outline.error_rows:
        return None
    shown = [d for d in outline.definitions if len(d.name) == 2]
    members = [
        d
        for d in orig.outline.definitions
        if len(d.name) == len(target.name) + 1 and d.name[:-1] == target.name and target.start < d.start <= target.end
    ]
    theirs = {d.name[-1]: d for d in members}
    names = [d.name[-1] for d in shown]
    if not shown or len(set(names)) != len(names) or not set(names) < set(theirs):
        return None
    unclear = (
        len(theirs) != len(members)  # a getter and its setter, overloads: a bare name addresses nothing
        or any(not d.holds_code for d in shown)  # a nested class shown in part: its own members would be lost
        or any(_accessor(lines[d.start]) != _accessor(orig.lines[theirs[d.name[-1]].start]) for d in shown)
        or (
            PurePosixPath(orig.path).suffix.lower() in _OVERLOADING
            and any(norm(lines[d.start]) != orig.onorm[theirs[d.name[-1]].start] for d in shown)
        )  # a new overload?
    )
    if unclear:
        return []
    first = min(theirs.values(), key=lambda d: d.start).start
    header = [norm(line) for line in lines[: shown[0].start] if line.strip()]
    if not header or header != [text for text in orig.onorm[target.start : first] if text][: len(header)]:
        return None  # (the fields before the first member may be left out)
    return [(lines[d.start : d.end + 1], theirs[d.name[-1]]) for d in shown]


def _unit(
    orig: Original, block: Block, shown: list[tuple[int, int, tuple[str, ...]]], picked: list[Definition | None]
) -> float | None:
    """The factor between the file's indentation and the sketch's (2.0 for a 2-space sketch of a 4-space file),
    when every indented line the block's addressed definitions copy exactly says the same one other than 1, at two
    depths at least."""
    ratios: set[float] = set()
    depths: set[int] = set()
    for (s, e, _name), target in zip(shown, picked, strict=True):
        if target is None:
            continue
        lines = block.lines[s : e + 1]
        for i, row in _pair(orig, lines, target.start, target.end).pairs.items():
            have, said = indent_width(orig.lines[row]), indent_width(lines[i])
            if norm(lines[i]) != orig.onorm[row] or not lines[i].strip():
                continue
            if (have == 0) != (said == 0):
                return None  # shifted, not scaled (a method pasted at column 0)
            if have:
                ratios.add(have / said)
                depths.add(said)
    return ratios.pop() if len(ratios) == 1 and ratios <= {2.0, 0.5} and len(depths) >= 2 else None


def _accessor(line: str) -> str:
    """``get`` or ``set`` of an accessor's header (``get value(): number {``), else nothing."""
    words = line.split()
    return words[0] if len(words) > 1 and words[0] in ("get", "set") else ""


def _gaps_dropped(
    orig: Original,
    block: Block,
    shown: list[tuple[int, int, tuple[str, ...]]],
    pieces: list[Piece],
    addressed: dict[int, int],
) -> tuple[list[Piece], int]:
    """Beside a marker, two definitions the block shows as they stand, one after the other, stand in place of what
    the file has between them (``const UNMOUNT = 6`` right above ``const REVERT = 10``: ``const ACTION = 7``
    between them is deleted): read by name, the block would change nothing, so the gap is its change. (Two
    changed definitions shown together leave out what stood between them, unchanged: a model shows only what it
    changed, and the reading by name keeps the rest.) The pieces, the first of each such pair stretched over the
    gap with the block's lines between the two, and the number of non-blank lines dropped."""
    out, dropped = list(pieces), 0
    for k in range(len(shown) - 1):
        if k not in addressed or k + 1 not in addressed:
            continue
        first, second = out[addressed[k]], out[addressed[k + 1]]
        between = block.lines[shown[k][1] + 1 : shown[k + 1][0]]
        kept = {norm(line) for line in between}
        gap = [text for text in orig.onorm[first.end : second.start] if text]
        if first.end < second.start and any(text not in kept for text in gap):
            out[addressed[k]] = Piece(first.start, second.start, (*first.lines, *between))
            dropped += sum(1 for text in gap if text not in kept)
    return out, dropped


def _keeps_above(orig: Original, block: Block, start: int, above: int) -> bool | tuple[str, tuple[int, ...]]:
    """Whether the marker right above a block that shows a definition from below its first rows keeps those rows:
    a doc comment the block leaves out stays (True). Rows the block shows lower down were re-ordered (decorators
    swapped): the block is the whole definition (False). A decorator neither shown nor kept for sure is a doubt
    (its reason and place), which refuses the merge if this reading is the one picked: the marker may keep it
    (shown ``@abstractmethod`` of ``@classmethod @abstractmethod``) or the block may drop it (``@pytest.mark.skip``
    above a shown ``@pytest.mark.slow``)."""
    shown = {norm(line) for line in block.lines}
    hidden = [row for row in range(start, above) if orig.lines[row].strip()]
    unshown = [row for row in hidden if orig.onorm[row] not in shown]
    if not unshown:
        return False
    doubt = next((row for row in unshown if not is_comment(orig.path, orig.lines[row])), None)
    if doubt is None and len(unshown) == len(hidden):
        return True
    row = doubt if doubt is not None else unshown[0]
    return (
        f"the block starts right after a marker at '{orig.onorm[above][:40]}', below '{orig.onorm[row][:40]}' "
        f"(line {row + 1}) of the same definition: the marker may keep that line or the block may drop it; show "
        "the line before the definition, or the definition with all its decorators",
        (row, above),
    )


def _pair(orig: Original, lines: list[str], start: int, end: int) -> Alignment:
    """Shown lines paired with the original definition's rows start..end: the first and last lines with each other
    when equal (header and closer), the lines between in order."""
    shown = [norm(line) for line in lines]
    alignment = Alignment()
    lo, hi, first, last = 0, len(shown), start, end + 1
    if shown and shown[0] == orig.onorm[start]:
        alignment.pairs[0] = start
        lo, first = 1, start + 1
    if hi > lo and last > first and shown[-1] == orig.onorm[end]:
        alignment.pairs[hi - 1] = end
        hi, last = hi - 1, end
    matcher = SequenceMatcher(None, shown[lo:hi], orig.onorm[first:last], autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            alignment.pairs[lo + a + k] = first + b + k
    return alignment


def _comments_above(orig: Original, row: int) -> int:
    while row - 1 >= 0 and is_comment(orig.path, orig.lines[row - 1]):
        row -= 1
    return row


def _moved_to(orig: Original, lines: list[str], row: int, alignment: Alignment) -> list[str]:
    """A shown definition shifted whole to the depth of the original one starting at ``row`` (its paired lines as
    the file has them): what the rendering does when no distinctive line tells the block's shift."""
    delta = indent_width(orig.lines[row]) - indent_width(lines[0])
    return [
        orig.lines[alignment.pairs[i]] if i in alignment.pairs else _shift(line, delta, orig.tabs)
        for i, line in enumerate(lines)
    ]


def _shift(line: str, delta: int, tabs: bool) -> str:
    return reindent(line, delta, tabs) if delta or tabs else line
