"""How a block's lines are indented in the file: the sketch's indentation of a copied line is noise, except where
the sketch re-indents code on purpose."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import pairwise
from typing import TYPE_CHECKING

from polyedit.apply.runs import Alignment, indent_delta
from polyedit.apply.text import indent_width, reindent

if TYPE_CHECKING:
    from polyedit.apply.generators import Original

_CLOSING = ("}", ")", "]")


def _scale(orig: Original, block: list[str], alignment: Alignment) -> float | None:
    """The factor between the file's indentation and the sketch's, when every exactly paired line says the same
    one other than 1 at two depths at least (the file indents by 4, the sketch by 2: 2.0), or at one depth when
    the sketch steps in by one width only and the file by that width scaled only (a 2-space method under a
    4-space file's header: the file has no 2-space step, a docstring's or a dict's, to tell another story); or
    None."""
    original = orig.lines
    ratios, depths = set(), set()
    for i, p in alignment.pairs.items():
        if not block[i].strip() or i in alignment.fuzzy or block[i].strip() != original[p].strip():
            continue
        have, said = indent_width(original[p]), indent_width(block[i])
        if (have == said and said) or (have == 0) != (said == 0):
            return None  # most blocks: a line indented as the file indents it, so no other unit
        if said:
            ratios.add(have / said)
            depths.add(said)
    if len(ratios) != 1:
        return None
    ratio = ratios.pop()
    if ratio not in (2.0, 0.5):
        return None
    steps = block_steps(block)
    return ratio if len(depths) >= 2 or (len(steps) == 1 and orig.steps == {s * ratio for s in steps}) else None


def render(orig: Original, block: list[str], alignment: Alignment) -> tuple[list[str], int]:
    """The block's lines in the file, and how many paired lines the sketch re-indents on purpose.

    A paired line keeps the original's indentation (the sketch's indentation of copied lines is noise), except in
    code the sketch wraps in a new block (after a new line that opens one, indented deeper), which keeps the
    sketch's relative indentation, shifted like the paired line before the opener at the opener's depth or outside it
    (the code it follows: the wrapped lines, the block's outermost, do not tell its shift, nor does a deeper line
    of another new definition before it); so does the paired closer at the opener's depth that ends
    the wrapped code (the ``}`` of a new ``try {``). After a new bracket the wrapped code may start with a new
    line (a conditional expression put in parentheses, its first line changed); a new line beside that bracket
    after its code (``),`` then ``(``) takes the same shift. A new line is shifted like the block (its outermost paired
    line), or like both paired lines around it when they agree on another shift. A sketch indented by another unit
    than the file (2 spaces for 4, every exact pair agreeing) has its new lines scaled, nested ones too. A body the
    sketch re-indents on purpose keeps the sketch's indentation under its opener (``_bodies_as_shown``). In a file
    mixing tabs and spaces (a bundle), a new line takes the tabs or spaces of the code around it
    (``_tabs_beside``, ``Original.tabs_at``)."""
    out, reindented = _paired_render(orig, block, alignment)
    out, reindented = _bodies_as_shown(orig, block, alignment, out, reindented)
    if orig.path.endswith((".py", ".pyi")):
        out, reindented = _runs_moved(orig, block, alignment, out, reindented)
    return _strings_as_shown(orig, block, alignment, out, reindented)


def _strings_as_shown(
    orig: Original, block: list[str], alignment: Alignment, out: list[str], reindented: int
) -> tuple[list[str], int]:
    """``out`` with the copied lines of a multi-line string whose opening line the block edits as the sketch shows
    them, shifted as that line is placed.

    Inside a string literal (a triple-quoted string's later lines, its closing quotes included; a template
    literal's; a raw string's), leading whitespace is the string's text. A sketch that rewrites the line opening
    the string (a raw ``dedent`` input made a plain one, its text re-indented) and shows its lines at other depths
    re-indents the text on purpose: those lines keep the sketch's depth, shifted as the merge places the opening
    line (a method pasted at column 0 shifts its strings too), in the file's tabs or spaces. A string whose opening
    line is copied, or not shown, keeps the file's whitespace: a model's slip of a line in a docstring is no edit.
    """
    where = {p: i for i, p in alignment.pairs.items() if block[i].strip()}
    for i, p in sorted(alignment.pairs.items()):
        if block[i] == orig.lines[p] or not block[i].strip() or i in alignment.fuzzy:
            continue  # (a line shown as the file has it, left where it stands while its method was pasted elsewhere)
        if block[i].strip() != orig.lines[p].strip():
            continue
        opened = orig.outline.string_opened(p)
        shown = where.get(opened) if opened is not None else None
        if opened is None or shown is None or shown > i or block[shown].strip() == orig.lines[opened].strip():
            continue
        line = reindent(block[i], indent_width(out[shown]) - indent_width(block[shown]), orig.tabs_at(p))
        if indent_width(line) != indent_width(orig.lines[p]) and line != out[i]:
            out[i] = line
            reindented += 1
    return out, reindented


def _paired_render(orig: Original, block: list[str], alignment: Alignment) -> tuple[list[str], int]:
    delta = indent_delta(block, orig.lines, alignment)
    shifts: dict[int, int] = {}
    for i, p in alignment.pairs.items():
        if block[i].strip() and i not in alignment.fuzzy:
            shifts[i] = indent_width(orig.lines[p]) - indent_width(block[i])
    keys = sorted(shifts)
    scale = _scale(orig, block, alignment)
    if scale is not None:  # the sketch indents by another unit (2 spaces for the file's 4): new lines scale too
        return [
            orig.lines[alignment.pairs[i]]
            if i in alignment.pairs and (not line.strip() or line.strip() == orig.lines[alignment.pairs[i]].strip())
            else reindent(line, round(indent_width(line) * scale) - indent_width(line), orig.tabs)
            for i, line in enumerate(block)
        ], 0
    out: list[str] = []
    wrapped: tuple[int, int, int] | None = None  # (sketch depth of the wrapped code, its shift, the opener's depth)
    sibling: tuple[int, int] | None = None  # (the depth of a new opener whose wrapped code ended, that code's shift)
    reindented = 0
    last_new: int | None = None
    for i, line in enumerate(block):
        depth = indent_width(line)
        closes: int | None = None  # the shift of the new opener this line closes (``}`` of a new ``try {``)
        if sibling is not None and line.strip() and (depth < sibling[0] or (i in shifts and depth == sibling[0])):
            sibling = None
        if wrapped is not None and line.strip() and depth < wrapped[0]:
            if depth == wrapped[2] and line.lstrip()[:1] in _CLOSING:
                closes = wrapped[1]
            sibling = (wrapped[2], wrapped[1]) if depth == wrapped[2] else None
            wrapped = None
        # a new opener wraps the deeper code after it: the paired code right after it, or any code after a new
        # bracket (a conditional expression put in parentheses, its first line changed: black's 24 style)
        opens = _OPENERS if i in shifts else _BRACKETS
        opener = last_new if last_new is not None and block[last_new].rstrip().endswith(opens) else None
        if line.strip() and wrapped is None and opener is not None and depth > indent_width(block[opener]):
            opener_depth = indent_width(block[opener])
            before = max(  # the code the new opener follows, at its depth or outside it
                (k for k in shifts if k < opener and indent_width(block[k]) <= opener_depth), default=None
            )
            if i not in shifts:  # new code after a new bracket: it follows the bracket's line as placed
                shift = indent_width(out[opener]) - opener_depth
            elif before is not None:
                shift = shifts[before]
            else:
                shift = _shift_around(block, shifts, keys, opener, delta)
            wrapped = (depth, shift, opener_depth)
        if i in shifts:
            p = alignment.pairs[i]
            if wrapped is not None or closes is not None:
                shift = (wrapped[1] if wrapped is not None else closes) or 0
                if line.strip() == orig.lines[p].strip() and depth + shift == indent_width(orig.lines[p]):
                    out.append(orig.lines[p])  # wrapped, but where it stands: the file's own line (a docstring's tabs)
                else:
                    reindented += 1
                    out.append(reindent(line, shift, orig.tabs))
            elif line.strip() == orig.lines[p].strip():
                out.append(orig.lines[p])
            else:  # a change of spacing inside the line is the model's edit
                out.append(reindent(line, shifts[i], orig.tabs_at(p)))
            last_new = None
        elif i in alignment.pairs and not line.strip():
            out.append(orig.lines[alignment.pairs[i]])
        else:
            if wrapped is not None:
                shift = wrapped[1]
            elif sibling is not None and depth == sibling[0]:
                shift = sibling[1]  # beside the new opener, after its wrapped code (``),`` then ``(``)
            else:
                shift = _shift_around(block, shifts, keys, i, delta)
            tabs = orig.tabs if not orig.mixed else _tabs_beside(orig, alignment, keys, i)
            out.append(reindent(line, shift, tabs) if shift or tabs else line)
            if line.strip():
                last_new = i
    return out, reindented


_OPENERS = (":", "{", "(", "[", "=>")
_BRACKETS = ("(", "[")


def _tabs_beside(orig: Original, alignment: Alignment, keys: list[int], i: int) -> bool:
    """In a file mixing tabs and spaces, a new line indents like the nearest indented paired line before it (else
    after it); between two lines of one string (a template literal's rows), it is a line of that string and takes
    their whitespace as it is."""
    lo = bisect_left(keys, i)
    before = [alignment.pairs[k] for k in keys[:lo] if orig.lines[alignment.pairs[k]][:1] in ("\t", " ")]
    after = [alignment.pairs[k] for k in keys[lo:] if orig.lines[alignment.pairs[k]][:1] in ("\t", " ")]
    if before and after and all(orig.outline.in_string(r, indent_width(orig.lines[r])) for r in (before[-1], after[0])):
        return orig.lines[before[-1]].startswith("\t")
    near = before[-1] if before else after[0] if after else None
    return orig.tabs if near is None else orig.tabs_at(near)


def _shift_around(block: list[str], shifts: dict[int, int], keys: list[int], i: int, default: int) -> int:
    """The shift of the paired lines before and after line ``i`` when they agree, else of the next paired line
    when it stands at line ``i``'s depth with no shallower line between (a sibling: past an ``else:`` it is in
    another scope), else ``default``. ``keys``: the paired lines of ``shifts``, sorted."""
    lo, hi = bisect_left(keys, i), bisect_right(keys, i)
    before = keys[lo - 1] if lo else None
    after = keys[hi] if hi < len(keys) else None
    if before is not None and after is not None and shifts[before] == shifts[after]:
        return shifts[before]
    if after is None:
        return default
    depth = indent_width(block[i])
    if indent_width(block[after]) == depth and all(indent_width(x) >= depth for x in block[i + 1 : after] if x.strip()):
        return shifts[after]
    return default


def _bodies_as_shown(
    orig: Original, block: list[str], alignment: Alignment, out: list[str], reindented: int
) -> tuple[list[str], int]:
    """``out`` with the bodies the sketch re-indents on purpose as the sketch indents them under their opener.

    A body is the lines under a line ending with ``{`` or ``:``, indented deeper, one step in that the file takes
    after such a line too. It keeps the sketch's indentation, shifted like its opener (so does the closer at the
    opener's depth after it), when some copied line of it stands at another depth under the opener than ``out``
    puts it, and either the opener is new or changed and every copied line of the body stands one step deeper than
    in the file (code wrapped in a new ``} else {`` or ``try:``), or every copied line of the body moved by the
    same amount, away from where the file has it (a body re-indented from 6 to 4 spaces; not a body in place under
    a ``def`` pasted 2 columns in). A model's slip of a line or two (a stray ``}``, an
    ``else:`` at the ``if``'s depth, a JSDoc `` * `` column) moves neither the whole body nor follows a new opener,
    and keeps the file's indentation; so does a body one step in by a width the file does not use (2 under a
    4-space opener)."""
    shown = [i for i, line in enumerate(block) if line.strip()]
    if len({len(out[i]) - len(out[i].lstrip()) - len(block[i]) + len(block[i].lstrip()) for i in shown}) <= 1:
        return out, reindented  # every line shifted alike (in characters): the sketch's indentation stands already
    exact = {
        i
        for i, p in alignment.pairs.items()
        if block[i].strip() == orig.lines[p].strip() != "" and i not in alignment.fuzzy
    }
    done = -1
    for k, head in enumerate(shown):
        if head <= done or not block[head].rstrip().endswith(_BLOCK_OPENERS):
            continue
        depth, body, closer = indent_width(block[head]), [], None
        for i in shown[k + 1 :]:
            if indent_width(block[i]) <= depth:
                if indent_width(block[i]) == depth and block[i].lstrip()[:1] in _CLOSING:
                    closer = i  # the opener's closer goes with its body
                break
            body.append(i)
        copied = [i for i in body if i in exact]
        if not copied or indent_width(block[body[0]]) - depth not in orig.steps:
            continue
        body += [closer] if closer is not None else []
        shift, step = indent_width(out[head]) - depth, indent_width(block[body[0]]) - depth
        moved = {indent_width(out[i]) - indent_width(block[i]) - shift for i in copied}
        deeper = {indent_width(block[i]) + shift - indent_width(orig.lines[alignment.pairs[i]]) for i in copied}
        raw = {indent_width(block[i]) - indent_width(orig.lines[alignment.pairs[i]]) for i in copied}
        if moved == {0} or (len(moved) > 1 or 0 in raw if head in exact else deeper != {step}):
            continue  # (a body where the file has it under a head pasted at another column: the head slipped)
        for i in range(body[0], body[-1] + 1):
            p = alignment.pairs.get(i)
            line = reindent(block[i], shift, orig.tabs) if shift or orig.tabs else block[i]
            same = p is not None and i in exact and indent_width(orig.lines[p]) == indent_width(line)
            out[i] = orig.lines[p] if p is not None and same else line
        reindented += len(copied)
        done = body[-1]
    return out, reindented


def _runs_moved(
    orig: Original, block: list[str], alignment: Alignment, out: list[str], reindented: int
) -> tuple[list[str], int]:
    """``out`` with the runs of copied Python lines the sketch moves into or out of the block above as it shows them.

    In Python the indentation is the code: a run of lines copied exactly, consecutive in the file, all one step
    (a width the file steps in by) deeper or shallower than the file has them, right after a line that stands where
    the file has it, moves into that line's block (the sketch puts the run at its depth, the file below it) or out
    of it (the file at its depth, the sketch below it): isort's ``lines = output.split(...)`` moved into the
    ``else:`` above. A run that neither joins nor leaves the line above, or starts with a clause (``else:`` at the
    ``if``'s depth would move it to the ``for``), is a slip and keeps the file's indentation. Depths are the
    block's, after its own shift (most of its copied lines'): a method shown at column 0 moves its lines the same.
    """
    shown = [i for i, line in enumerate(block) if line.strip()]
    raw = {
        i: indent_width(block[i]) - indent_width(orig.lines[p])
        for i, p in alignment.pairs.items()
        if block[i].strip() and i not in alignment.fuzzy and block[i].strip() == orig.lines[p].strip()
    }
    if raw:  # measured from the block's own shift (a method pasted at column 0 is shifted whole)
        base = Counter(raw.values()).most_common(1)[0][0]
        raw = {i: shift - base for i, shift in raw.items()}
    k = 1
    while k < len(shown):
        before, first = shown[k - 1], shown[k]
        move = raw.get(first, 0)
        if not move or raw.get(before) != 0 or abs(move) not in orig.steps:
            k += 1
            continue
        run = [first]
        while k + len(run) < len(shown) and raw.get(shown[k + len(run)]) == move:
            run.append(shown[k + len(run)])
        k += len(run)
        rows = [alignment.pairs[i] for i in run]
        if _CLAUSE.match(block[first].strip()):
            continue  # an ``else:`` at the ``if``'s depth belongs to the ``for``: a slip, not a move
        if any(b <= a or any(orig.lines[r].strip() for r in range(a + 1, b)) for a, b in pairwise(rows)):
            continue  # not one run of the file
        above, was = indent_width(block[before]), indent_width(orig.lines[alignment.pairs[before]])
        joins = move > 0 and was > indent_width(orig.lines[rows[0]]) and indent_width(block[first]) <= above
        leaves = move < 0 and was <= indent_width(orig.lines[rows[0]]) and indent_width(block[first]) < above
        after = shown[k] if k < len(shown) else None
        dead = (
            _EXIT.match(block[run[-1]].strip())
            and after is not None
            and indent_width(block[after]) == indent_width(block[run[-1]])
        )
        if not (joins or leaves) or dead:
            continue  # (a ``return`` moved out above a line at its new depth would leave that line dead: a slip)
        shift = indent_width(out[before]) - above
        for i in range(run[0], run[-1] + 1):
            if block[i].strip():
                out[i] = reindent(block[i], shift, orig.tabs) if shift or orig.tabs else block[i]
        reindented += len(run)
    return out, reindented


def block_steps(lines: list[str]) -> frozenset[int]:
    """The widths the lines step in by after a line that opens a block (ends with ``{`` or ``:``)."""
    shown = [line for line in lines if line.strip()]
    steps = (indent_width(b) - indent_width(a) for a, b in pairwise(shown) if a.rstrip().endswith(_BLOCK_OPENERS))
    return frozenset(step for step in steps if step > 0)


_BLOCK_OPENERS = ("{", ":")
_CLAUSE = re.compile(r"(else|elif|except|finally)\b")
_EXIT = re.compile(r"(return|raise|continue|break)\b")
