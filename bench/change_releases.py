"""The release-notes source of the change set (bench/build_change_cases.py): a release's notes -> the files that
changed since the release before, both trees as the registry publishes them (PyPI wheel or sdist, npm tarball).

A changelog is read as release sections (``## 1.2.3``, ``1.2.3`` underlined, ``name/v1.2.3`` underlined); a
section's entries are its bullets, or its paragraphs when the changelog has no bullet at all (ProseMirror writes one
paragraph per change). A TypeScript tree keeps its TypeScript sources and drops the compiled output the tarball
ships beside them (JavaScript, declarations, source maps): a repository does not hold its build output, and every
change would otherwise count each compiled copy of a file as gold.
"""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))

from polyedit.config import Settings
from polyedit.index.chunker import Chunker
from polyedit.index.files import Workspace
from polyedit.index.secrets import mask

from bench.fetch import npm_package, pypi_sdist, pypi_wheel

DATA = Path(__file__).parent / "data"
MIN_WORDS, MAX_WORDS = 4, 60
MAX_GOLD = 8
MAX_PER_PACKAGE = 20
MAX_ENTRIES = 3  # a release is one case only when its notes hold at most this many entries
MIN_FILES = 10  # a smaller repository makes recall@10 trivial
CHUNK_BUDGET = 2000  # distinct chunks per release series: every tree is embedded, consecutive ones share most
# One tree of a TypeScript series alone (ethers 2,300 chunks, rxjs 2,900) exceeds CHUNK_BUDGET: their series get more.
CHUNK_BUDGET_TYPESCRIPT = 6000
# "deps: send@0.8.5" quotes a dependency's release, not a change to this code: such entries are not queries.
_DEPENDENCY_BUMP = re.compile(r"^(deps|dependencies|bump|update dependenc)\b", re.IGNORECASE)
_CHANGELOG_NAME = re.compile(r"^(change|history|news|release)", re.IGNORECASE)
# What a TypeScript package's tarball holds besides its sources: the compiled output (not part of the repository).
COMPILED_OUTPUT = ("*.js", "*.mjs", "*.cjs", "*.map", "*.d.ts", "*.d.mts", "*.d.cts")

_VERSION_HEADING = re.compile(
    r"^(?:#+\s*)?(?:Version\s+|Release\s+|`|[a-z][\w.-]*/)?\[?v?(\d+\.\d+\.\d+)\]?(?=[\s(/<`]|$)"
)
_BULLET = re.compile(r"^\s{0,4}[-*+]\s+(.*)$")


def release_notes(text: str) -> list[tuple[str, list[str]]]:
    """(version, entries) per release section of a changelog, newest first as written."""
    lines = text.splitlines()
    paragraphs = not any(_BULLET.match(line) for line in lines)  # then every paragraph is one entry
    sections: list[tuple[str, list[str]]] = []
    current: list[str] | None = None
    open_paragraph = False
    for i, line in enumerate(lines):
        match = _VERSION_HEADING.match(line.strip())
        underlined = i + 1 < len(lines) and re.fullmatch(r"[-=~^]{3,}", lines[i + 1].strip() or "x") is not None
        if match and (line.lstrip().startswith("#") or underlined):
            current = []
            sections.append((match.group(1), current))
            open_paragraph = False
            continue
        if current is None:
            continue
        if paragraphs:
            text_line = line.strip()
            if not text_line or text_line.startswith("#") or re.fullmatch(r"[-=~^]+", text_line):
                open_paragraph = False
            elif open_paragraph:
                current[-1] += " " + text_line
            else:
                current.append(text_line)
                open_paragraph = True
            continue
        bullet = _BULLET.match(line)
        if bullet:
            current.append(bullet.group(1).strip())
        elif current and line.startswith((" ", "\t")) and line.strip() and not re.fullmatch(r"[-=~]+", line.strip()):
            current[-1] += " " + line.strip()
    return [(version, [clean_entry(e) for e in entries]) for version, entries in sections]


def clean_entry(entry: str) -> str:
    """An entry as a person would say it: markup, links, commit hashes, issue references and credits removed."""
    entry = re.sub(r":(?:issue|pr|ghsa|user|cve):`[^`]*`", "", entry)
    entry = re.sub(r"\[`?[0-9a-f]{7,40}`?\]\([^)]*\)", "", entry)
    entry = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", entry)
    entry = re.sub(r"\(?#\d+\)?|https?://\S+", "", entry)
    entry = re.sub(r"\bThanks @[\w.-]+! - ", "", entry)  # the credit changesets writes before the change
    entry = re.sub(r":(?:func|meth|class|attr|data|mod|ref|doc|exc):`~?([^`]*)`", r"\1", entry)
    entry = entry.replace("``", "").replace("`", "").replace("**", "")
    return " ".join(entry.split()).strip(" ,;")


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def _release_tree(registry: str, name: str, version: str) -> Path | None:
    try:
        if registry == "pypi-sdist":
            return pypi_sdist(name, version)
        return pypi_wheel(name, version) if registry == "pypi" else npm_package(name, version)
    except (subprocess.CalledProcessError, ValueError):
        return None


def _changelog_text(registry: str, name: str, pinned: str, changelog: str) -> str:
    """The changelog as of release ``pinned``: from its sdist (PyPI) or its tarball (npm)."""
    stem = changelog.rsplit(".", 1)[0].lower()  # CHANGES.rst became CHANGES.md in some projects: match the stem
    if registry == "npm":
        top = npm_package(name, pinned)
        return next(p for p in top.iterdir() if p.stem.lower() == stem).read_text(errors="replace")
    target = DATA / "downloads" / "pypi-sdist" / f"{name}-{pinned}"  # the changelog's release
    if not any(target.glob("*.tar.gz")):
        target.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "-q",
                "--no-deps",
                "--no-binary",
                ":all:",
                f"{name}=={pinned}",
                "-d",
                target,
            ],
            check=True,
        )
    [sdist] = sorted(target.glob("*.tar.gz"))[-1:]
    with tarfile.open(sdist) as tar:
        member = next(
            m
            for m in tar.getmembers()
            if m.name.count("/") == 1 and m.name.rsplit("/", 1)[1].rsplit(".", 1)[0].lower() == stem
        )
        handle = tar.extractfile(member)
        return handle.read().decode("utf-8", "replace") if handle else ""


def _copy_release(src: Path, dest: Path, language: str) -> None:
    if dest.is_dir():
        return
    ignored = ["*.dist-info", "*.egg-info", "PKG-INFO"]
    if language == "typescript":
        ignored += COMPILED_OUTPUT
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns(*ignored), symlinks=True)


def _changed_files(before: Path, after: Path, versions: tuple[str, str]) -> list[str]:
    """Files of ``before`` that differ in ``after`` (or are gone), less those where only version strings changed."""
    changed = []
    for path in sorted(before.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(before).as_posix()
        other = after / rel
        old = path.read_bytes()
        new = other.read_bytes() if other.is_file() else b""
        if old == new:
            continue
        diff = [
            line
            for line in difflib.unified_diff(
                old.decode("utf-8", "replace").splitlines(), new.decode("utf-8", "replace").splitlines(), n=0
            )
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        ]
        if diff and all(_version_only(line, versions) for line in diff):
            continue
        changed.append(rel)
    return changed


def _version_only(line: str, versions: tuple[str, str]) -> bool:
    """A changed line that only states the release (version, build number, the commit npm published it from:
    ``gitHead``) or is blank."""
    lowered = line[1:].strip().lower()
    return (
        not lowered
        or any(v in line for v in versions)
        or any(word in lowered for word in ("version", "__build__", '"githead"'))
    )


def _chunk_hashes(repo: Path, indexable: set[str]) -> set[str]:
    """What embedding this tree costs: the content hashes of its chunks, as the index cuts and masks them."""
    chunker = Chunker(Settings().chunk_max_tokens)
    workspace = Workspace(repo, Settings().max_file_size_bytes)
    hashes: set[str] = set()
    for rel in indexable:
        text = workspace.read_text(rel)[0]
        hashes.update(c.content_hash for c in chunker.chunk(rel, mask(rel, text).text))
    return hashes


def release_cases(
    registry: str, name: str, pinned: str, changelog: str, language: str, split: str
) -> tuple[list[dict[str, object]], dict[str, int]]:
    stats = {"releases": 0, "cases": 0}
    try:
        sections = release_notes(_changelog_text(registry, name, pinned, changelog))
    except StopIteration:
        print(f"{name} {pinned}: no {changelog} in the release, skipped", file=sys.stderr)
        return [], stats
    versions = sorted({v for v, _ in sections}, key=_version_key)
    cases: list[dict[str, object]] = []
    embedded: set[str] = set()
    budget = CHUNK_BUDGET_TYPESCRIPT if language == "typescript" else CHUNK_BUDGET
    for version, entries in sections:
        if len(cases) == MAX_PER_PACKAGE or len(embedded) > budget:
            break
        earlier = [
            v for v in versions if _version_key(v) < _version_key(version) and v.split(".")[0] == version.split(".")[0]
        ]
        entries = [e for e in entries if e and not _DEPENDENCY_BUMP.match(e)]
        if not earlier or not 1 <= len(entries) <= MAX_ENTRIES:
            continue
        words = "; ".join(entries).split()
        if len(words) < MIN_WORDS:
            continue
        previous = earlier[-1]
        stats["releases"] += 1
        before_src = _release_tree(registry, name, previous)
        after_src = _release_tree(registry, name, version)
        if before_src is None or after_src is None:
            continue
        repo = DATA / "changes" / "releases" / f"{name}-{previous}"
        _copy_release(before_src, repo, language)
        after = DATA / "changes" / "releases-after" / f"{name}-{version}"
        _copy_release(after_src, after, language)
        workspace = Workspace(repo, Settings().max_file_size_bytes)
        indexable = {p for p in workspace.walk() if isinstance(p, str)}
        changed = _changed_files(repo, after, (previous, version))
        gold = [p for p in changed if p in indexable and not _CHANGELOG_NAME.search(p.rsplit("/", 1)[-1])]
        if not gold or len(gold) > MAX_GOLD or len(indexable) < MIN_FILES:
            continue
        embedded |= _chunk_hashes(repo, indexable)
        cases.append(
            {
                "id": f"{name}-{version}",
                "repo_dir": str(repo.resolve()),
                "query": " ".join(words[:MAX_WORDS]),
                "gold_files": gold,
                "project": name,
                "language": language,
                "set": f"change_{split}",
                "source": f"{registry}:{name} {previous} -> {version}, {changelog}",
            }
        )
    stats["cases"] = len(cases)
    stats["chunks"] = len(embedded)
    return cases, stats
