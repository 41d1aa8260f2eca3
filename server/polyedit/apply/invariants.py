"""The invariants every merged file must hold; a violated invariant is a refusal, never an output.

1. No elision marker is left, in any comment syntax the merge knows (``markers.is_any_marker``), unless the
   original had that very line; and no line stands for original lines it replaces (``markers.elision_line``:
   ``pass  # ... existing code ...``, a bare ``...``, ``[... rest of the document unchanged ...]``).
2. Every non-marker line of a lazy sketch stands in the result, in the sketch's order (``lines_in_order``).
3. No original line disappears unless a reading deleted it on purpose (checked by ``api`` on the merge's record).
4. No new syntax errors (tree-sitter; Python also compiles; TOML and YAML load; Markdown code fences pair up), and no
   second copy of a statement a module has once (``export default``, ``module.exports =``, ``__all__ =``,
   ``package``, ``fn main()``; a JavaScript module-level name, ``exports.name =``), and a Go, Java or Kotlin file
   keeps its package clause; a lazy sketch's result drops no Python import whose name it still reads
   (``unbound.py``).
5. An edit whose deletions are inferred (a lazy sketch, the LLM tier's answer) removes at most
   ``MAX_REMOVED_SHARE`` of the file, not counting the rows a lazy sketch shows deleted between two lines that
   stand once (``evidence.shown_deleted``). A full rewrite asked for and SEARCH/REPLACE blocks are exempt: every line
   they remove is one the sketch asked for (absent from the full text, or quoted in the SEARCH text that removes
   it). A markerless sketch read as the whole file without being asked to is not (``api._check_whole``).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter

import yaml  # type: ignore[import-untyped]

from polyedit.apply.cost import rewrapped
from polyedit.apply.edits import line_opcodes
from polyedit.apply.markers import elision_line, is_any_marker, is_marker
from polyedit.apply.structure import Outline, has_grammar, top_level_rows
from polyedit.apply.text import norm
from polyedit.apply.types import ApplyRefused
from polyedit.apply.unbound import dropped_import, python_ast

MAX_REMOVED_SHARE = 0.30
_OPENERS = frozenset("#/{<-*;")  # first characters of a comment line in any syntax the marker check knows


def verify(
    path: str,
    original: list[str],
    result: list[str],
    styles: tuple[str, ...],
    deletions_shown: bool,
    max_removed_share: float = MAX_REMOVED_SHARE,
    shown_removed: int = 0,
) -> list[str]:
    """Run the checks; return their names, or raise ``ApplyRefused`` naming the first that failed."""
    passed = []

    def marker(line: str) -> bool:
        return line.lstrip()[:1] in _OPENERS and (is_marker(line, styles) or is_any_marker(line))

    known = set(original)  # a line of the original stands as it did (a marker of the file's own stays one)
    before = {line.strip() for line in known if marker(line)}
    for number, line in enumerate(result, start=1):
        if line not in known and marker(line) and line.strip() not in before:
            raise ApplyRefused(path, f"an elision marker would remain in the file at line {number}", None, "marker")
    if path.endswith((".go", ".java", ".kt")) and _has_package(original) and not _has_package(result):
        raise ApplyRefused(
            path,
            "the result would have no package clause: the sketch starts below it without a marker; add a "
            "'... existing code ...' marker at its start, or show the package line",
            None,
            "anchor",
        )
    doubled = None if deletions_shown else _doubled_once(path, original, result)  # a whole text shows both
    if doubled is not None:
        raise ApplyRefused(
            path,
            f"the result would have two '{doubled}' statements where the file has one: the sketch's new one may "
            "replace the old; show the old one's neighbours, or the old line itself changed",
            None,
            "ambiguous",
        )
    unbound = None if deletions_shown else dropped_import(path, original, result)
    if unbound is not None:
        raise ApplyRefused(
            path,
            f"the result would drop the import of '{unbound[0]}' while line {unbound[1]} still uses it: the sketch "
            "leaves out rows without saying whether they go; start it with a '... existing code ...' marker where "
            "lines stay, or show what replaces the code that uses it",
            None,
            "ambiguous",
        )
    ops = line_opcodes(original, result)  # one diff for the checks that read it
    elided = _elided(original, result, styles, ops)
    if elided is not None:
        raise ApplyRefused(
            path,
            f"line {elided + 1} would stand for code it replaces ('{result[elided].strip()[:50]}'): a marker goes on a "
            "line of its own, as a comment, where lines stay unchanged; show the code that stays, or the marker alone",
            None,
            "marker",
        )
    passed.append("no-markers-left")

    if not deletions_shown and original:
        removed = max(0.0, removed_share(original, result, ops) - shown_removed / len(original))
        if removed > max_removed_share:
            raise ApplyRefused(
                path,
                f"the sketch would remove {removed:.0%} of the file (limit {max_removed_share:.0%}); "
                "send the full new content if that is intended",
                None,
                "removal",
            )
        passed.append("removal-share")

    problem = syntax_problem(path, original, result)
    if problem is not None:
        raise ApplyRefused(path, problem, None, "syntax")
    if has_grammar(path):
        passed.append("syntax")
    if path.endswith((".py", ".pyi")):
        passed.append("python-compiles")
    return passed


def syntax_problem(path: str, original: list[str], result: list[str]) -> str | None:
    """The first syntax error the result has and the original does not (tree-sitter; Python also compiles), or
    None."""
    # The original is parsed only when the result has errors: most results have none.
    if has_grammar(path):
        new_errors = Outline.syntax_errors(path, "\n".join(result))
        if new_errors:
            old_errors = Outline.syntax_errors(path, "\n".join(original))
            if len(new_errors) > len(old_errors):
                row = next((r for r in new_errors if r not in old_errors), new_errors[0])
                return f"the result has a syntax error near line {row + 1} that the original does not have"
    if path.endswith((".md", ".markdown")):
        fence = _open_fence(result)
        if fence is not None and _open_fence(original) is None:
            return f"the result breaks the code fences at line {fence + 1} where the original's pair up"
    data = _data_error(path, result)
    if data is not None and _data_error(path, original) is None:
        return f"the result does not load: {data}"
    if path.endswith((".py", ".pyi")):
        # tree-sitter-python tolerates wrong indentation; Python's own parser does not.
        problem = _python_error(result)
        if problem is not None and _python_error(original) is None:
            return f"the result does not compile: {problem}"
    return None


_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def _open_fence(lines: list[str]) -> int | None:
    """The row of a Markdown code fence that no closing fence ends (CommonMark: the same character, at least as
    many, nothing after it), or of a fence with an info string (```` ```rust ````) inside an open one, which is a
    fence the merge made close the wrong block; or None."""
    opened: tuple[int, str] | None = None
    for row, line in enumerate(lines):
        found = _FENCE.match(line)
        if found is None:
            continue
        fence, info = found.group(1), line[found.end() :].strip()
        if opened is None:
            opened = row, fence
        elif fence[0] == opened[1][0] and len(fence) >= len(opened[1]) and not info:
            opened = None
        elif info and fence[0] == opened[1][0] and len(fence) >= len(opened[1]):
            return row
    return None if opened is None else opened[0]


class _TaggedLoader(yaml.SafeLoader):  # type: ignore[misc]
    """The safe loader, with any application tag (CloudFormation's ``!Ref``, ``!Sub``) read as plain data."""


_TaggedLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) < len(keys):
        raise ValueError(f"duplicate key {next(k for k in keys if keys.count(k) > 1)!r}")
    return dict(pairs)


def _data_error(path: str, lines: list[str]) -> str | None:
    """Why a TOML, YAML or JSON file does not load (a duplicate key, a broken table, a brace too many), or None."""
    text = "\n".join(lines) + "\n"
    try:
        if path.endswith(".json"):  # comment lines aside (tsconfig.json, VS Code settings take them)
            plain = "\n".join(line for line in lines if not line.lstrip().startswith("//"))
            json.loads(plain, object_pairs_hook=_unique_keys)
        elif path.endswith(".toml"):
            tomllib.loads(text)
        elif path.endswith((".yaml", ".yml")) and "{{" not in text:  # a Helm or Jinja template is not YAML yet
            for _ in yaml.load_all(text, Loader=_TaggedLoader):  # a safe loader that accepts any tag
                pass
    except (tomllib.TOMLDecodeError, yaml.YAMLError, ValueError) as exc:
        return str(exc).splitlines()[0][:120]
    return None


def _python_error(lines: list[str]) -> str | None:
    try:
        python_ast(lines)
    except (SyntaxError, ValueError) as exc:
        return f"{getattr(exc, 'msg', exc)} at line {getattr(exc, 'lineno', '?')}"
    return None


# Top-level statements a module has once (a second one overrides or breaks the first): a new one beside the old
# is a replacement the merge missed.
_ONCE = {
    (".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts"): re.compile(
        r"(export default\b|module\.exports\s*=)"
    ),
    (".py",): re.compile(r"(__all__\s*=|if __name__ == ['\"]__main__['\"]:)"),
    (".go",): re.compile(r"(package\s|func main\(\))"),
    (".rs",): re.compile(r"((pub )?fn main\(\))"),
}


def _trivial(line: str, styles: tuple[str, ...]) -> bool:
    """A line that holds no code a stand-in could leave out: blank, a comment, or an empty body."""
    text = line.strip()
    empty_body = text in ("pass", "...", "…") or text.startswith("raise NotImplementedError")
    return not text or empty_body or text.startswith(styles)


def _has_package(lines: list[str]) -> bool:
    return any(re.match(r"package\s+[\w.]+", line) for line in lines)


# A module-level ``const``/``let``/``class`` name in JavaScript and TypeScript is declared once: a second one is an
# error (``Identifier 'limit' has already been declared``) that tree-sitter does not see; so is an exported ``var``
# (a duplicate export: fp-ts's ``export var chainOptionKW`` kept beside the sketch's rewrite of it).
_DECLARED = re.compile(r"(?:(?:export\s+)?(?:const|let|class)|export\s+var)\s+([A-Za-z_$][\w$]*)")
# A module-level function of a name a ``const``/``let``/``class`` declares is that error too (radash's ``const sum``
# kept beside the sketch's ``function sum``); two functions of one name are TypeScript's overloads.
_FUNCTION = re.compile(r"(?:export\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)")
# CommonJS: ``exports.name = ...`` at the top level, once per name (TypeScript's ``exports.a = void 0;`` first;
# ``module.exports.name =`` after ``module.exports = exports = X`` is another object).
_ASSIGNED = re.compile(r"exports\.([A-Za-z_$][\w$]*)\s*=(?!=)")
_EXPORTS = re.compile(r"export\s*\{([^}]*)\}.*")
_JS = (".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts")


def _declared(lines: list[str]) -> list[str]:
    names = [m.group(1) for m in map(_DECLARED.match, lines) if m]
    lexical = set(names)
    return names + [m.group(1) for m in map(_FUNCTION.match, lines) if m and m.group(1) in lexical]


def _declared_on(lines: list[str]) -> list[str]:
    """``_declared`` line by line (a function of a name counts wherever it stands)."""
    return [m.group(1) for line in lines for m in (_DECLARED.match(line), _FUNCTION.match(line)) if m]


def _assigned(lines: list[str]) -> list[str]:
    return [m.group(1) for m in map(_ASSIGNED.match, lines) if m and "void 0" not in m.string]


def _exported(lines: list[str]) -> list[str]:
    """The names a module's one-line ``export { a, b as c };`` lists export (``c``): each may be exported once."""
    names = []
    for m in map(_EXPORTS.match, lines):
        if m is not None and " from " not in m.group(0):
            names += [item.split(" as ")[-1].strip() for item in m.group(1).split(",") if item.strip()]
    return names


def _doubled_once(path: str, original: list[str], result: list[str]) -> str | None:
    """The first once-only top-level statement the result has more often than the original, and more than once
    (in JavaScript and TypeScript, a module-level ``const``, ``let``, ``class`` name too, or a function of such a
    name, a name an export list exports, and a CommonJS ``exports.name =``)."""
    if path.endswith(_JS):
        tops: frozenset[int] | None = None  # parsed only for a name the lines show doubled (rare)
        for names_of, on in ((_declared, _declared_on), (_exported, _exported), (_assigned, _assigned)):
            now = Counter(names_of(result))
            doubled = [name for name, n in now.items() if n > 1]
            if doubled:
                before = Counter(names_of(original))
                for name in doubled:
                    if now[name] <= max(1, before[name]):
                        continue
                    tops = top_level_rows(path, result) if tops is None else tops
                    if sum(on([result[row]]).count(name) for row in tops) > max(1, before[name]):
                        return name  # (not a line of a template string, a comment, a namespace)
    for suffixes, pattern in _ONCE.items():
        if not path.endswith(suffixes):
            continue
        for line in result:
            found = pattern.match(line)
            if found is None:
                continue
            key = found.group(1)
            count = sum(1 for other in result if other.startswith(key))
            if count > 1 and count > sum(1 for other in original if other.startswith(key)):
                return key.strip()
    return None


def _elided(
    original: list[str], result: list[str], styles: tuple[str, ...], ops: list[tuple[str, int, int, int, int]]
) -> int | None:
    """The first result row that replaces original lines with a stand-in for them (``pass  # ... existing code
    ...``, a bare ``...``, ``[... rest unchanged ...]``) and is not an original line, or None."""
    old = {line.strip() for line in original}
    for tag, i1, i2, j1, j2 in ops:
        if tag != "replace" or i2 <= i1:
            continue
        for row in range(j1, j2):
            if result[row].strip() in old or not elision_line(result[row], styles):
                continue
            head = result[row].strip().removesuffix("...").removesuffix("…").strip()
            left_out = [line for line in original[i1:i2] if not _trivial(line, styles) and line.strip() != head]
            if left_out:  # not ``pass`` made ``...`` in a Protocol, nor ``) -> bytes:`` and its ``...`` joined
                return row
    return None


def removed_share(
    original: list[str], result: list[str], ops: list[tuple[str, int, int, int, int]] | None = None
) -> float:
    """The share of the original's lines that disappear: per changed hunk, the old lines beyond the new ones (a
    modified line is not removed, nor code the hunk re-wraps over fewer lines: ``var _Set =``, ``/*#__PURE__*/``,
    ``require("./_Set.js");`` joined into one line)."""
    if not original:
        return 0.0
    ops = line_opcodes(original, result) if ops is None else ops
    removed = 0
    for tag, i1, i2, j1, j2 in ops:
        old, new = original[i1:i2], result[j1:j2]
        if tag != "equal" and len(old) > len(new) and not (any(line.strip() for line in new) and rewrapped(old, new)):
            removed += len(old) - len(new)
    return removed / len(original)


def lines_in_order(sketch: list[str], result: list[str], styles: tuple[str, ...]) -> int | None:
    """The 1-based sketch line of the first non-marker, non-blank line missing from the result in order, or None."""
    at = 0
    wanted = [norm(line) for line in result]
    for number, line in enumerate(sketch, start=1):
        text = norm(line)
        if not text or is_marker(line, styles):
            continue
        while at < len(wanted) and wanted[at] != text:
            at += 1
        if at == len(wanted):
            return number
        at += 1
    return None
