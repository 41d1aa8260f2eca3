"""Line runs: runs of consecutive equal lines (whitespace-insensitive) found for every distinctive block line, and
chains of mutually consistent runs (in order in both texts), one per place: the line-run generator's candidate
alignments, grown at their edges afterwards (``runs.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from polyedit.apply.runs import Alignment, distinctive

MAX_SEED_PLACES = 8  # a line found in more places than this does not start runs (keeps anchoring near-linear)


@dataclass(frozen=True)
class Run:
    i: int  # first block line
    p: int  # first original line
    length: int
    weight: int  # distinctive lines in the run
    exact: int = 0  # lines equal including indentation (the first tier of matching breaks ties)

    def before(self, other: Run) -> bool:
        return self.i + self.length <= other.i and self.p + self.length <= other.p


def find_runs(
    block: list[str],
    original: list[str],
    bnorm: list[str],
    onorm: list[str],
    positions: dict[str, list[int]],
    lo: int,
    hi: int,
) -> list[Run]:
    """Maximal runs of equal lines through each distinctive block line, trimmed to distinctive ends.

    Trimming lets two runs that share only a blank or brace line chain; the gaps are matched afterwards.
    """
    runs: dict[tuple[int, int], Run] = {}
    extended: set[tuple[int, int]] = set()  # pairs inside a run already found: as seeds they find it again
    for i, line in enumerate(bnorm):
        places = positions.get(line, ())
        # A line that stands in many places cannot fix a block's place; it still joins runs seeded by rarer lines.
        if not distinctive(line) or len(places) > MAX_SEED_PLACES:
            continue
        for p in places:
            if p < lo or p >= hi or (i, p) in extended:
                continue
            si, sp = i, p
            while si > 0 and sp > lo and bnorm[si - 1] == onorm[sp - 1]:
                si, sp = si - 1, sp - 1
            ei, ep = i, p
            while ei + 1 < len(bnorm) and ep + 1 < hi and bnorm[ei + 1] == onorm[ep + 1]:
                ei, ep = ei + 1, ep + 1
            extended.update((k, sp + k - si) for k in range(si, ei + 1))
            while not distinctive(bnorm[si]):
                si, sp = si + 1, sp + 1
            while not distinctive(bnorm[ei]):
                ei, ep = ei - 1, ep - 1
            if (si, sp) not in runs:
                weight = sum(1 for k in range(si, ei + 1) if distinctive(bnorm[k]))
                exact = sum(
                    1
                    for k in range(ei - si + 1)
                    if distinctive(bnorm[si + k]) and block[si + k].rstrip() == original[sp + k].rstrip()
                )
                runs[(si, sp)] = Run(si, sp, ei - si + 1, weight, exact)
    return sorted(runs.values(), key=lambda r: (r.i, r.p))


def chains(runs: list[Run], limit: int = 6) -> list[list[Run]]:
    """The heaviest chain of runs (in order in both texts) ending at each run, best first, one per place (the
    region from its first to its last run), at most ``limit``. Scores are (distinctive lines, -original lines
    deleted between runs, exactly equal lines); the rest of the choice is the cost's."""
    if not runs:
        return []
    n = len(runs)
    own = [(r.weight, 0, r.exact) for r in runs]
    fwd: list[tuple[int, int, int]] = list(own)
    prev: list[int | None] = [None] * n
    for k in range(n):
        for j in range(k):
            if runs[j].before(runs[k]):
                cand = (fwd[j][0] + own[k][0], fwd[j][1] - _gap(runs[j], runs[k]), fwd[j][2] + own[k][2])
                if cand > fwd[k]:
                    fwd[k], prev[k] = cand, j
    found: dict[tuple[int, int], list[Run]] = {}
    for k in sorted(range(n), key=lambda k: fwd[k], reverse=True):
        chain: list[Run] = []
        at: int | None = k
        while at is not None:
            chain.append(runs[at])
            at = prev[at]
        chain.reverse()
        place = (chain[0].p - chain[0].i, chain[-1].p + chain[-1].length)
        if place not in found:
            found[place] = chain
        if len(found) >= limit:
            break
    return list(found.values())


def _gap(a: Run, b: Run) -> int:
    """Original lines the block would delete between two runs (beyond the block lines that replace them)."""
    return max(0, (b.p - a.p - a.length) - (b.i - a.i - a.length))


def chain_alignment(chain: list[Run], bnorm: list[str], onorm: list[str]) -> Alignment:
    """Pairs from the chain's runs, plus equal lines at both ends of each gap between two runs."""
    alignment = Alignment()
    for index, run in enumerate(chain):
        for k in range(run.length):
            alignment.pairs[run.i + k] = run.p + k
        if index + 1 < len(chain):
            nxt = chain[index + 1]
            bi, bj, oi, oj = run.i + run.length, nxt.i - 1, run.p + run.length, nxt.p - 1
            while bi <= bj and oi <= oj and bnorm[bi] == onorm[oi]:
                alignment.pairs[bi] = oi
                bi, oi = bi + 1, oi + 1
            while bi <= bj and oi <= oj and bnorm[bj] == onorm[oj]:
                alignment.pairs[bj] = oj
                bj, oj = bj - 1, oj - 1
    return alignment
