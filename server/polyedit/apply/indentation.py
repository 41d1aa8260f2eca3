"""How a block's lines are indented in the file: the sketch's indentation of a copied line is noise, except where
the sketch re-indents code on purpose."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from polyedit.apply.runs import Alignment, indent_delta
from polyedit.apply.text import indent_width, reindent

if TYPE_CHECKING:
    from polyedit.apply.generators import Original

_CLOSING = ("}", ")", "]")


def _scale(block: list[str], original: list[str], alignment: Alignment) -> float | None:
    """The factor between the file's indentation and the sketch's, when every exactly paired line says the same
    one other than 1 at two depths at least, or at one depth when the sketch's steps in, scaled, are the file's
    (the file indents by 4, the sketch by 2: 2.0), or None."""
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
    steps = _steps(block)
    return ratio if len(depths) >= 2 or (steps and {s * ratio for s in steps} <= _steps(original)) else None


def render(orig: Original, block: list[str], alignment: Alignment) -> tuple[list[str], int]:
    """The block's lines in the file, and how many paired lines the sketch re-indents on purpose.

    A paired line keeps the original's indentation (the sketch's indentation of copied lines is noise), except in
    code the sketch wraps in a new block (after a new line that opens one, indented deeper), which keeps the
    sketch's relative indentation, shifted like the paired line before the opener (the code it follows: the wrapped
    lines, the block's outermost, do not tell its shift); so does the paired closer at the opener's depth that ends
    the wrapped code (the ``}`` of a new ``try {``). A new line is shifted like the block (its outermost paired
    line), or like both paired lines around it when they agree on another shift. A sketch indented by another unit
    than the file (2 spaces for 4, every exact pair agreeing) has its new lines scaled, nested ones too. A sketch
    that re-indents copied lines with a steady step keeps its indentation (``_as_shown``)."""
    delta = indent_delta(block, orig.lines, alignment)
    shown = _as_shown(orig, block, alignment)
    if shown is not None:
        return shown
    shifts: dict[int, int] = {}
    for i, p in alignment.pairs.items():
        if block[i].strip() and i not in alignment.fuzzy:
            shifts[i] = indent_width(orig.lines[p]) - indent_width(block[i])
    scale = _scale(block, orig.lines, alignment)
    if scale is not None:  # the sketch indents by another unit (2 spaces for the file's 4): new lines scale too
        return [
            orig.lines[alignment.pairs[i]]
            if i in alignment.pairs and (not line.strip() or line.strip() == orig.lines[alignment.pairs[i]].strip())
            else reindent(line, round(indent_width(line) * scale) - indent_width(line), orig.tabs)
            for i, line in enumerate(block)
        ], 0
    out: list[str] = []
    wrapped: tuple[int, int, int] | None = None  # (sketch depth of the wrapped code, its shift, the opener's depth)
    reindented = 0
    last_new: int | None = None
    for i, line in enumerate(block):
        depth = indent_width(line)
        closes: int | None = None  # the shift of the new opener this line closes (``}`` of a new ``try {``)
        if wrapped is not None and line.strip() and depth < wrapped[0]:
            if depth == wrapped[2] and line.lstrip()[:1] in _CLOSING:
                closes = wrapped[1]
            wrapped = None
        if i in shifts:
            opens = last_new is not None and block[last_new].rstrip().endswith(_OPENERS)
            if wrapped is None and last_new is not None and opens and depth > indent_width(block[last_new]):
                before = max((k for k in shifts if k < last_new), default=None)  # the code the new opener follows
                wrapped = (
                    depth,
                    shifts[before] if before is not None else _shift_around(block, shifts, last_new, delta),
                    indent_width(block[last_new]),
                )
            p = alignment.pairs[i]
            if wrapped is not None or closes is not None:
                reindented += 1
                out.append(reindent(line, (wrapped[1] if wrapped is not None else closes) or 0, orig.tabs))
            elif line.strip() == orig.lines[p].strip():
                out.append(orig.lines[p])
            else:  # a change of spacing inside the line is the model's edit
                out.append(reindent(line, shifts[i], orig.tabs))
            last_new = None
        elif i in alignment.pairs and not line.strip():
            out.append(orig.lines[alignment.pairs[i]])
        else:
            shift = wrapped[1] if wrapped is not None else _shift_around(block, shifts, i, delta)
            out.append(reindent(line, shift, orig.tabs) if shift or orig.tabs else line)
            if line.strip():
                last_new = i
    return out, reindented


_OPENERS = (":", "{", "(", "[", "=>")


def _shift_around(block: list[str], shifts: dict[int, int], i: int, default: int) -> int:
    """The shift of the paired lines before and after line ``i`` when they agree, else of the next paired line
    when it stands at line ``i``'s depth with no shallower line between (a sibling: past an ``else:`` it is in
    another scope), else ``default``."""
    before = max((k for k in shifts if k < i), default=None)
    after = min((k for k in shifts if k > i), default=None)
    if before is not None and after is not None and shifts[before] == shifts[after]:
        return shifts[before]
    depth = indent_width(block[i])
    between = [line for line in block[i + 1 : after] if line.strip()]
    if after is not None and indent_width(block[after]) == depth and all(indent_width(x) >= depth for x in between):
        return shifts[after]
    return default


def _as_shown(orig: Original, block: list[str], alignment: Alignment) -> tuple[list[str], int] | None:
    """The block as the sketch indents it, every line shifted by the block's offset (the shift of its first
    copied line: a sketch starts at code it does not re-indent), when the sketch re-indents copied lines on
    purpose: an exactly paired line stands at another depth than the offset puts it
    (code wrapped in a new block or taken out of one, a body re-indented), and the sketch steps in by one width
    after every line that opens a scope, so its indentation is deliberate. A model's slip breaks the step (a first
    line pasted at column 0 above a body at 8, its nested lines at 12), steps by another unit (2 spaces where the
    file's steps are 4, a tab: half or twice a step of the file's, and not one of them), or is the first line
    alone, every other copied line standing where the file has it. Else None: the paired lines keep the file's
    indentation."""
    pairs = alignment.pairs
    fuzzy = alignment.fuzzy
    exact = [i for i, p in pairs.items() if block[i].strip() == orig.lines[p].strip() != "" and i not in fuzzy]
    if not exact:
        return None
    exact.sort()
    delta = indent_width(orig.lines[pairs[exact[0]]]) - indent_width(block[exact[0]])
    moved = [i for i in exact if indent_width(orig.lines[pairs[i]]) != indent_width(block[i]) + delta]
    first = next(i for i, line in enumerate(block) if line.strip())
    if all(indent_width(orig.lines[pairs[i]]) == indent_width(block[i]) for i in exact if i != first):
        return None  # only the first line is off: pasted at another column than the lines below it
    steps, file_steps = _steps(block), _steps(orig.lines)
    if not moved or len(steps) != 1 or any(2 * f == s or f == 2 * s for s in steps for f in file_steps - steps):
        return None  # no step, or two, or a step of another unit than the file's (2 for 4): not on purpose
    out = []
    for i, line in enumerate(block):
        p = pairs.get(i)
        if p is not None and line.strip() == orig.lines[p].strip() and i not in moved:
            out.append(orig.lines[p])  # a line where the offset puts it: the file's own text
        else:
            out.append(reindent(line, delta, orig.tabs) if delta or orig.tabs else line)
    return out, len(moved)


def _steps(lines: list[str]) -> set[int]:
    """The widths the lines step in by after a line that opens a scope."""
    shown = [line for line in lines if line.strip()]
    return {
        indent_width(b) - indent_width(a)
        for a, b in pairwise(shown)
        if indent_width(b) > indent_width(a) and a.rstrip().endswith(_OPENERS)
    }
