"""Elision markers: comment-only lines that stand for "the original lines here stay"."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import PurePosixPath

_HASH = ("#",)
# A Python docstring of an ellipsis or of marker words only (``"""..."""``, ``"""Docstring unchanged."""``) is a
# marker, as a comment would be.
DOCSTRING_QUOTES = ('"""', "'''")
_PYTHON = (*_HASH, *DOCSTRING_QUOTES)
_SLASH = ("//", "/*")
_JSX = ("//", "/*", "{/*")
_COMMENT_STYLES: dict[str, tuple[str, ...]] = {
    ".py": _PYTHON,
    ".pyi": _PYTHON,
    ".rb": _HASH,
    ".sh": _HASH,
    ".yaml": _HASH,
    ".yml": _HASH,
    ".toml": _HASH,
    ".r": _HASH,
    ".sql": ("--", "/*"),
    ".lua": ("--",),
    ".html": ("<!--",),
    ".xml": ("<!--",),
    ".md": ("<!--",),
    ".markdown": ("<!--",),
    ".mdx": ("<!--", "{/*"),
    ".vue": ("<!--", "//", "/*"),
    ".svelte": ("<!--", "//", "/*"),
    ".ini": ("#", ";"),
    ".cfg": ("#", ";"),
    ".dockerfile": _HASH,
    ".css": ("/*",),
    ".json": ("//", "/*"),  # JSON has no comments, but a model's sketch of it marks gaps as JSONC does
    ".jsonc": ("//", "/*"),
    ".json5": ("//", "/*"),
    ".scss": ("/*", "//"),
}
for _ext in (".go", ".rs", ".java", ".kt", ".swift"):
    _COMMENT_STYLES[_ext] = _SLASH
for _ext in (".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts"):
    _COMMENT_STYLES[_ext] = _JSX
for _ext in (".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".hh", ".cs", ".scala", ".dart"):
    _COMMENT_STYLES[_ext] = _SLASH
_COMMENT_STYLES[".php"] = (*_SLASH, "#")
_ALL = ("#", "//", "/*", "{/*", "<!--", "--", "*", ";")
# Not "*" or ";" (doc-comment and INI lines say "same as above").
_LEFTOVER = ("#", "//", "/*", "{/*", "<!--", "--", *DOCSTRING_QUOTES)

_ELLIPSIS = re.compile(r"\.\.\.|…")
_PHRASES = re.compile(
    r"\b(existing|unchanged|remains? (the )?same|rest of (the )?(code|file|function|class|method|body|module)"
    r"|same as (before|above)|no changes?|omitted|elided|keep (the )?(rest|remaining)|previous code"
    r"|other (methods|functions|code)|code continues)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)  # asked for every line the merge looks at
def comment_styles(path: str) -> tuple[str, ...]:
    return _COMMENT_STYLES.get(PurePosixPath(path).suffix.lower(), _ALL)


def known_syntax(path: str) -> bool:
    """Whether the file's kind is one the merge knows the comment syntax of (not plain text, not unknown)."""
    return PurePosixPath(path).suffix.lower() in _COMMENT_STYLES


def comment_body(line: str, styles: tuple[str, ...]) -> str | None:
    """The text of a comment-only line, or None if the line is not only a comment in these styles."""
    s = line.strip()
    for opener in styles:
        if not s.startswith(opener):
            continue
        body = s[len(opener) :]
        if opener in ("/*", "{/*"):
            closer = "*/" if opener == "/*" else "*/}"
            if not body.rstrip().endswith(closer):
                return None
            body = body.rstrip()[: -len(closer)]
        elif opener in ("<!--", *DOCSTRING_QUOTES):
            closer = "-->" if opener == "<!--" else opener
            if len(body.rstrip()) < len(closer) or not body.rstrip().endswith(closer):
                return None
            body = body.rstrip()[: -len(closer)]
        return body.strip(" *#/-")
    return None


# Words that make up markers; a comment with more than MAX_OTHER_WORDS other words is prose, even with "...".
_MARKER_WORDS = frozenset(
    {
        "existing",
        "code",
        "rest",
        "of",
        "the",
        "remains",
        "remain",
        "same",
        "unchanged",
        "keep",
        "kept",
        "other",
        "methods",
        "functions",
        "function",
        "method",
        "file",
        "here",
        "previous",
        "omitted",
        "as",
        "before",
        "above",
        "is",
        "are",
        "for",
        "brevity",
        "lines",
        "line",
        "more",
        "etc",
        "and",
        "so",
        "on",
        "body",
        "class",
        "implementation",
        "remaining",
        "no",
        "changes",
        "change",
        "elided",
        "continues",
        "module",
        "stays",
        "stay",
        "unmodified",
        "untouched",
    }
)
MAX_OTHER_WORDS = 2
_WORDS = re.compile(r"[A-Za-z]+")


def is_any_marker(line: str) -> bool:
    """A marker in any comment syntax the merge knows (the leftover check: no marker survives, whatever the
    file's language)."""
    return is_marker(line, _LEFTOVER)


def is_marker(line: str, styles: tuple[str, ...]) -> bool:
    """A short comment-only line made of an ellipsis or an obvious "unchanged" phrase (and at most two other
    words, e.g. "// ... imports ..."); a sentence that happens to contain "..." is not a marker."""
    body = comment_body(line, styles)
    if body is None or not (_ELLIPSIS.search(body) or _PHRASES.search(body)):
        return False
    if line.lstrip().startswith(DOCSTRING_QUOTES) and not _ELLIPSIS.search(body):
        # Without an ellipsis, a docstring of marker words only ("""Docstring unchanged.""") is a marker, one
        # that says more ("""Return the input unchanged.""", """Replace existing values.""") is a docstring.
        return all(w in _MARKER_WORDS or w == "docstring" for w in _WORDS.findall(body.lower()))
    words = {w.lower() for w in _WORDS.findall(body)}
    if _FRAMED.fullmatch(body.strip()) and len(words) <= MAX_FRAMED_WORDS and words & _KEEPING:
        return True  # "... all the other test cases stay exactly as they were ...": framed, and it says "kept"
    others = [w for w in _WORDS.findall(body.lower()) if w not in _MARKER_WORDS]
    return len(others) <= MAX_OTHER_WORDS


# A comment opened and closed by an ellipsis is a marker, up to a sentence's length, when one of its words says the
# lines stay ("... go through the queue instead of the socket ..." is a new comment, not a marker).
_FRAMED = re.compile(r"(\.\.\.|…).*(\.\.\.|…)", re.DOTALL)
MAX_FRAMED_WORDS = 16
_KEEPING = frozenset(
    {
        "existing",
        "unchanged",
        "rest",
        "other",
        "others",
        "same",
        "stay",
        "stays",
        "keep",
        "kept",
        "remain",
        "remains",
        "remaining",
        "previous",
        "omitted",
        "elided",
        "untouched",
        "unmodified",
        "were",
        "before",
    }
)


def trailing_marker(line: str, styles: tuple[str, ...]) -> bool:
    """A code line ending in a marker comment (``pass  # ... existing code ...``, ``"db": {...},  # unchanged``,
    ``server:  # ... rest unchanged``): the model wrote the marker where code stood."""
    for opener in styles:
        if opener in ("/*", "{/*", "<!--", "*", ";", *DOCSTRING_QUOTES):
            continue
        at = line.find(" " + opener)
        while at > 0:
            comment, code = line[at + 1 :], line[:at]
            body = comment_body(comment, styles) or ""
            # "# raised; RETRIES unchanged" is a note; "...  # existing code", "{...},  # unchanged" are markers
            elided = _ELLIPSIS.search(body) or _ELIDED_CODE.search(code) or code.strip() in ("...", "…", "pass")
            if code.strip() and elided and is_marker(comment, styles):
                return True
            at = line.find(" " + opener, at + 1)
    return False


def elision_line(line: str, styles: tuple[str, ...]) -> bool:
    """A line that stands for lines left out without being a marker comment: a bare ``...``, a code line ending in
    a marker comment, or a bracketed or parenthesised note of it (``[... rest of the document unchanged ...]``,
    ``(Rest of the README unchanged.)``)."""
    text = line.strip()
    if text in ("...", "…", "pass  # ...", "[...]", "(...)"):
        return True
    note = text[:1] in "[(" and text.rstrip(".")[-1:] in "])" and "](" not in text and "=>" not in text
    if note and _PHRASES.search(text):  # [... rest of the document unchanged ...], (Rest of the README unchanged.)
        return len(_WORDS.findall(text)) <= MAX_FRAMED_WORDS
    return trailing_marker(line, styles)


_ELIDED_CODE = re.compile(r"[\[{(]\s*(\.\.\.|…)\s*[\]})]")  # "db": {...}


def is_comment(path: str, line: str) -> bool:
    """A comment line in this file's syntax (or a doc comment's `` * `` continuation)."""
    text = line.strip()
    openers = tuple(opener for opener in comment_styles(path) if opener not in DOCSTRING_QUOTES)
    return bool(text) and (text.startswith(openers) or text.startswith("*"))
