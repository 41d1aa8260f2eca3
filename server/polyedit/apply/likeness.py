"""Whether two lines are versions of one another: close text, the same first name, the same definition's header,
or the same words with some added or removed; and what a line is about (``line_key``). The line-run generator
(``runs.py``) grows its alignments over such lines; the cost (``cost.py``) counts a pairing with a line it does
not resemble as a change of its own; ``edge_guess.py`` asks whether an edge line keeps its neighbour's key.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from polyedit.apply.text import indent_width

FUZZY_MIN = 92.0  # a context line the model copied with a small difference
EDGE_FUZZY_MIN = 65.0  # a changed line right next to an anchor, same indentation and first word: a replacement
WORDS = re.compile(r"\w+")
FIRST_WORD = re.compile(r"\s*([^\w\s]{0,2}[\w.]+|\S)")


def similar(block_line: str, original_line: str, adjacent: bool, delta: int = 0, following: str = "") -> bool:
    """Fuzzy equality: close text, or (next to an anchor) same indentation (after the block's shift ``delta``) and
    either the old text whole, continued after a space with text other than the original line ``following`` it (a
    paragraph re-wrapped is a re-wrap), or the same first word and fairly close text."""
    a, b = block_line.strip(), original_line.strip()
    if not a or not b:
        return False
    ratio = fuzz.ratio(a, b)
    if ratio >= FUZZY_MIN and len(a) >= 12:
        return True
    if not adjacent or indent_width(block_line) + delta != indent_width(original_line):
        return False
    if len(b) >= 12 and a.startswith(b) and a[len(b)].isspace():
        # the old text whole, continued (``See [AUTHORS](AUTHORS).`` + `` See the changelog.``)
        added, after = a[len(b) :].split(), following.split()
        return not after or added[: len(after[:3])] != after[:3]
    if ratio < EDGE_FUZZY_MIN / 1.3:
        return False
    first_a, first_b = FIRST_WORD.match(a), FIRST_WORD.match(b)
    if not (first_a and first_b and first_a.group(1) == first_b.group(1)):
        return False
    return ratio >= EDGE_FUZZY_MIN or len(first_a.group(1)) >= 6  # a long first word (``<Footer``) says more


_KEYWORDS = frozenset(
    {"def", "class", "return", "if", "elif", "else", "for", "while", "func", "fn", "let", "const", "var", "pub"}
    | {"async", "await", "export", "import", "from", "case", "try", "with", "match", "impl", "struct", "type"}
)


def same_start(block_line: str, original_line: str) -> bool:
    """The same indentation and the same first word, a name rather than a keyword (``<hr``, ``self.x``)."""
    a, b = FIRST_WORD.match(block_line.strip()), FIRST_WORD.match(original_line.strip())
    if not (a and b and a.group(1) == b.group(1)) or a.group(1) in _KEYWORDS:
        return False
    return indent_width(block_line) == indent_width(original_line)


def same_header(block_line: str, original_line: str) -> bool:
    """The same indentation, a keyword and the same name after it: one definition's header, its parameters or
    return type changed (``def _copy_environ(self, other: WSGIEnvironment) -> WSGIEnvironment:``)."""
    a, b = _header_words(block_line), _header_words(original_line)
    same = len(a) >= 2 and a == b and a[0] in _KEYWORDS and not _STATEMENTS.intersection(a)
    return same and indent_width(block_line) == indent_width(original_line)


def other_definition(block_line: str, original_line: str) -> bool:
    """Two definitions' headers, the same keywords, other names (``def test_parse_hex():`` and ``def
    test_parse_neg():``; a variable is no definition here: ``let size`` renamed ``let sizeValue`` is an edit)."""
    a, b = _header_words(block_line), _header_words(original_line)
    headers = all(len(w) >= 2 and _DEFINES.intersection(w) and not _STATEMENTS.intersection(w) for w in (a, b))
    differ = [k for k in range(len(a)) if len(a) == len(b) and a[k] != b[k]]
    return bool(headers) and len(differ) == 1 and a[differ[0] - 1] in _DEFINES  # only the name after the keyword


_DEFINES = frozenset({"def", "class", "fn", "func", "function", "struct", "interface", "trait", "enum"})


def one_definition(a: str, b: str) -> bool:
    """Two versions of one definition's header: the same keywords and name before its parameters
    (``function load(file) {`` and ``function load(file, options = {}) {``), whatever their indentation."""
    words = _header_words(a)
    return len(words) >= 2 and words == _header_words(b) and bool(_DEFINES.union({"impl"}).intersection(words))


_STATEMENTS = frozenset({"return", "if", "elif", "else", "for", "while", "await", "from", "import", "case", "try"})
_STATEMENTS |= {"with", "match"}
_RECEIVER = re.compile(r"^func\s*\([^)]*\)")  # a Go method's receiver: ``func (s *Server) Stop()``
_VISIBILITY = re.compile(r"^pub\s*\([^)]*\)\s*")  # a Rust visibility: ``pub(crate) fn as_ranks(...)``
_HEAD = re.compile(r"[^(=:{\[]*")


def _header_words(line: str) -> list[str]:
    """The words of a header before its parameters, value or body (``export function parse``, ``func Stop`` of
    ``func (s *Server) Stop() error {``): its keywords and its name, the one every version of it keeps (two
    headers that share their keywords alone, ``func (s *Server) Start()`` and ``... Stop()``, or ``export const
    A`` and ``export const B``, are two definitions; ``if err := a()`` is no header at all)."""
    text = _VISIBILITY.sub("pub ", _RECEIVER.sub("func", line.strip()))
    match = _HEAD.match(text)
    return WORDS.findall(match.group(0) if match else text)


def recognisable_edit(block_line: str, original_line: str, delta: int = 0) -> bool:
    """Whether a block line is a recognisable version of an original line: the same indentation (after the block's
    shift ``delta``), and close words (punctuation left out: ``"--proxy",`` and ``"--url",`` share only their
    quotes and dashes)."""
    if indent_width(block_line) + delta != indent_width(original_line):
        return False
    words = [WORDS.findall(line) for line in (block_line, original_line)]
    a, b = (" ".join(w) for w in words)
    return bool(a and b) and (fuzz.ratio(a, b) >= EDGE_FUZZY_MIN or kept_words(*words))


def kept_words(a: list[str], b: list[str]) -> bool:
    """Whether the shorter list of words (at least two) stands in order in the longer, from the same first word:
    words added or removed around the line's own (``end(buffer?: Buffer)`` typed ``string | Buffer | ...``)."""
    short, long = sorted((a, b), key=len)
    if len(short) < 2 or short[0] != long[0]:
        return False
    rest = iter(long)
    return all(word in rest for word in short)


def rewritten(replaced: list[str], added: list[str], delta: int = 0) -> bool:
    """Whether each replaced non-blank line has a version among the added lines, in order: the same indentation
    (after the block's shift ``delta``) and close words, or, from the same first word, close words in a few added
    lines together (a statement re-wrapped as it changed: ``var name = method.toLowerCase();`` become ``var name =
    typeof method === 'string'`` / ``? method.toLowerCase()`` / ``: method``). Close words, not a few words kept:
    ``return data;`` is no version of ``return JSONRequested ? JSON.parse(data) : data;``."""
    lines = [line for line in replaced if line.strip()]
    k = 0
    for line in lines:
        while k < len(added) and not _rewrites(line, added, k, delta):
            k += 1
        if k == len(added):
            return False
        k += 1
    return bool(lines)


def rewritten_whole(replaced: list[str], added: list[str]) -> bool:
    """Whether the replaced lines together are the added ones rewritten: the same first word and close words
    (``each(``, ``value,``, ``(key, childValue) =>``, ... become ``each(value, (key, childValue) =>`` and its
    argument)."""
    old, new = (" ".join(WORDS.findall(" ".join(lines))) for lines in (replaced, added))
    same_start = old.split(maxsplit=1)[:1] == new.split(maxsplit=1)[:1]
    return bool(old) and same_start and fuzz.ratio(old, new) >= EDGE_FUZZY_MIN


_MAX_REWRAPPED = 6  # added lines a rewritten statement may span


def _rewrites(old: str, added: list[str], k: int, delta: int) -> bool:
    words = " ".join(WORDS.findall(old))
    new = " ".join(WORDS.findall(added[k]))
    if (
        indent_width(added[k]) + delta == indent_width(old)
        and words
        and new
        and fuzz.ratio(words, new) >= EDGE_FUZZY_MIN
    ):
        return True
    first = words.split(maxsplit=1)[:1]
    for end in range(k + 1, min(len(added), k + _MAX_REWRAPPED) + 1):
        joined = " ".join(WORDS.findall(" ".join(added[k:end])))
        if first and joined.split(maxsplit=1)[:1] == first and fuzz.ratio(words, joined) >= EDGE_FUZZY_MIN:
            return True
    return False


EXITS = frozenset({"return", "raise", "throw"})  # statements that leave the scope: two in a row, one is dead
_KEYED = EXITS | {"yield"}
_FROM_IMPORT = re.compile(r"from\s+\S+\s+import\b")
_TAG = re.compile(r"</?[\w.:-]+")


def line_key(line: str) -> str:
    """What a line is about: the exit statement, the tag, the module imported from, or the text before its first
    ``=``, ``(``, ``:``, ``{`` or ``[`` (the name assigned or called)."""
    text = line.strip()
    word = text.split(maxsplit=1)[0] if text else ""
    if word in _KEYED:
        return word
    if (tag := _TAG.match(text)) is not None:
        return tag.group(0)
    if (imported := _FROM_IMPORT.match(text)) is not None:
        return imported.group(0)
    head = _HEAD.match(text)
    if head is None or head.end() == len(text):
        return ""  # no delimiter: prose, or a bare expression; only its likeness can tell
    return head.group(0).strip()
