"""Copies: a line the sketch shows once, which stands once in the file, stands once in the merge.

A reading that keeps the file's copy of such a line while the sketch shows it at another place (an import moved
down the list, the blank line above the block taking its row) gives a file with the line twice; a careful reader
knows the line moved. Among paths as good as each other, or a block's rivals within the margin, one that keeps a
second copy does not stand against one that does not (``LazyMerge.merge``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TypeVar

from polyedit.apply.runs import distinctive
from polyedit.apply.text import norm

Path = TypeVar("Path")


def shown_once(original: list[str], sketch: list[str]) -> frozenset[str]:
    """The distinctive lines (normalised) that stand once in the original (``original``: its lines normalised) and
    once in the sketch."""
    in_file = Counter(original)
    in_sketch = Counter(norm(line) for line in sketch)
    return frozenset(line for line, n in in_sketch.items() if n == 1 and in_file[line] == 1 and distinctive(line))


def doubles(lines: list[str], once: frozenset[str]) -> bool:
    """Whether the rendered file holds one of the ``once`` lines twice or more."""
    seen = Counter(line for line in map(norm, lines) if line in once)
    return any(n > 1 for n in seen.values())


def single_copy(found: Path, tied: list[Path], twice: Callable[[Path], bool]) -> tuple[Path, list[Path]]:
    """The chosen path and the others tied with it: when the chosen one keeps a moved line twice (``twice``) and
    a tied one does not, that one is chosen and the first is tied."""
    if not twice(found):
        return found, tied
    single = next((path for path in tied if not twice(path)), None)
    if single is None:
        return found, tied
    return single, [*(path for path in tied if path is not single), found]
