"""Build the public change case set: real change descriptions -> the files each change touched.

Source: Debian source packages (``apt-get source`` through a private deb-src list under bench/data/, unpacked with
``dpkg-source --skip-patches``). Each patch in ``debian/patches/series`` is one real change to the upstream code,
written by a person, with a DEP-3 header (``Description:``) or a git header (``Subject:``) that says what it does.

- Query: the first paragraph of the description (the DEP-3 synopsis with its continuation lines, or the git subject
  with the first paragraph of the body), whitespace collapsed, at most MAX_WORDS words; cases under MIN_WORDS words
  are dropped. Nothing else is filtered on the text, so Debian-specific changes ("use the system copy of X") stay.
- Repository: the upstream tree *before* any patch, without ``debian/`` (whose patches hold the answers), copied to
  bench/data/changes/<package>/.
- Gold: every file the patch modifies or deletes that exists before the patch and that polyedit's index would
  index (its own ignore, deny-list, size and binary rules). Files a patch creates cannot be retrieved and are not
  gold; a patch that only creates files is no case. Tests, docs and build files stay gold when the patch touches
  them: the change touched them, so the instruction needs them (see bench/README.md). Patches touching more than
  MAX_GOLD indexable files (mass renames, vendored updates) are dropped.
- Sets: ``dev`` packages are the ones looked at while tuning retrieval; ``heldout`` packages (other projects, the
  same four languages) are only ever reported.

    .venv/bin/python bench/build_change_cases.py --out bench/data/change_cases.jsonl [--survey]
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import shutil
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))

from polyedit.config import Settings
from polyedit.index.chunker import Chunker
from polyedit.index.files import Workspace
from polyedit.index.secrets import mask

from bench.fetch import debian_source, npm_package, pypi_sdist, pypi_wheel

DATA = Path(__file__).parent / "data"
MIN_WORDS, MAX_WORDS = 4, 60
MAX_GOLD = 8
MAX_PER_PACKAGE = 20
MAX_ENTRIES = 3  # a release is one case only when its notes hold at most this many entries
# "deps: send@0.8.5" quotes a dependency's release, not a change to this code: such entries are not queries.
_DEPENDENCY_BUMP = re.compile(r"^(deps|dependencies|bump|update dependenc)\b", re.IGNORECASE)
_CHANGELOG_NAME = re.compile(r"^(change|history|news|release)", re.IGNORECASE)

# (Debian source package, language): packages whose files the archive serves here, of moderate size (the whole
# tree is embedded), with several described patches.
DEBIAN_DEV = [("runc", "go")]
DEBIAN_HELDOUT = [("caddy", "go")]
# (registry, package, the release whose sdist/tarball holds the changelog, changelog file, language). The indexed
# tree is what the registry publishes: a wheel's package (``pypi``; an sdist, ``pypi-sdist``, where the wheel holds
# compiled code only), an npm tarball. Sdists with docs and tests cost 5-10 times the chunks of the wheel.
RELEASES_DEV = [
    ("pypi", "requests", "2.32.3", "HISTORY.md", "python"),
    ("pypi", "click", "8.1.7", "CHANGES.rst", "python"),
    ("pypi", "urllib3", "2.2.3", "CHANGES.rst", "python"),
    ("pypi", "itsdangerous", "2.2.0", "CHANGES.rst", "python"),
    ("pypi-sdist", "tiktoken", "0.7.0", "CHANGELOG.md", "python+rust"),
    ("npm", "express", "4.21.2", "History.md", "javascript"),
    ("npm", "nodemailer", "6.9.16", "CHANGELOG.md", "javascript"),
]
RELEASES_HELDOUT = [
    ("pypi", "flask", "3.0.3", "CHANGES.rst", "python"),
    ("pypi", "httpx", "0.27.2", "CHANGELOG.md", "python"),
    ("pypi", "pyjwt", "2.9.0", "CHANGELOG.rst", "python"),
    ("pypi", "sqlparse", "0.5.1", "CHANGELOG", "python"),
    ("npm", "body-parser", "1.20.3", "HISTORY.md", "javascript"),
    ("npm", "mysql", "2.18.1", "Changes.md", "javascript"),
    ("npm", "js-yaml", "4.1.0", "CHANGELOG.md", "javascript"),
]
MIN_FILES = 10  # a smaller repository makes recall@10 trivial
CHUNK_BUDGET = 2000  # distinct chunks per release series: every tree is embedded, consecutive ones share most


@dataclass
class Patch:
    name: str
    query: str
    touched: list[str]  # paths modified or deleted (exist before the patch)
    created: list[str]


_TRAILER = re.compile(r"\b(?:Signed-off-by|Reviewed-by|Acked-by|Co-authored-by|Cc|Change-Id):.*$", re.IGNORECASE)
_DEP3_FIELD = re.compile(r"^(?:Last-Update|Forwarded|Origin|Bug(?:-\w+)?|Applied-Upstream|Author|From|Date):", re.I)
_HEADER_FIELD = re.compile(r"^([A-Za-z][A-Za-z0-9-]*):\s?(.*)$")


def _strip_component(path: str) -> str | None:
    path = path.split("\t")[0].strip()
    if path == "/dev/null" or "/" not in path:
        return None
    return path.split("/", 1)[1]


def parse_patch(name: str, text: str) -> Patch | None:
    """The description and touched files of one quilt patch (DEP-3 or ``git format-patch`` header)."""
    lines = text.splitlines()
    header: list[str] = []
    for i, line in enumerate(lines):
        if line.startswith(("--- ", "diff ", "Index: ", "===")) and any(
            nxt.startswith("+++ ") for nxt in lines[i : i + 4]
        ):
            break
        header.append(line)
    query = describe(header)
    touched: list[str] = []
    created: list[str] = []
    for i, line in enumerate(lines):
        if not line.startswith("--- ") or i + 1 >= len(lines) or not lines[i + 1].startswith("+++ "):
            continue
        old = _strip_component(line[4:])
        new = _strip_component(lines[i + 1][4:])
        if old is None and new is not None:
            created.append(new)
        elif old is not None and old not in touched:
            touched.append(old)
    if query is None:
        return None
    return Patch(name, query, touched, created)


def describe(header: list[str]) -> str | None:
    """The first paragraph of the change's description, or None when the header has none."""
    fields: dict[str, list[str]] = {}
    body: list[str] = []
    current: str | None = None
    in_body = False
    for line in header:
        if line.strip() == "---":
            break
        match = _HEADER_FIELD.match(line)
        if not in_body and match and " " not in match.group(1):
            current = match.group(1).lower()
            fields.setdefault(current, []).append(match.group(2))
        elif not in_body and line.startswith((" ", "\t")) and current is not None:
            fields[current].append(line.strip())
        elif line.strip() == "" and current is not None:
            in_body = True
            current = None
        elif in_body and not _DEP3_FIELD.match(line):
            body.append(line)
    if "description" in fields:
        paragraph = _first_paragraph(fields["description"])
    elif "subject" in fields:
        subject = re.sub(r"^\[PATCH[^\]]*\]\s*", "", " ".join(fields["subject"]).strip())
        paragraph = [subject, *_first_paragraph(body)]
    else:
        return None
    text = _TRAILER.sub("", " ".join(paragraph))
    words = text.split()
    if len(words) < MIN_WORDS:
        return None
    return " ".join(words[:MAX_WORDS])


def _first_paragraph(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line.strip() in ("", "."):
            if out:
                break
            continue
        out.append(line.strip())
    return out


def package_cases(package: str, language: str, split: str) -> tuple[list[dict[str, object]], dict[str, int]]:
    tree = debian_source(package)
    stats = {"patches": 0, "cases": 0, "files": 0}
    if tree is None:
        print(f"{package}: not served by the archive here, skipped", file=sys.stderr)
        return [], stats
    repo = DATA / "changes" / package
    shutil.rmtree(repo, ignore_errors=True)
    shutil.copytree(tree, repo, ignore=shutil.ignore_patterns(".pc"), symlinks=True)
    shutil.rmtree(repo / "debian")
    workspace = Workspace(repo, Settings().max_file_size_bytes)
    indexable = {p for p in workspace.walk() if isinstance(p, str)}
    stats["files"] = len(indexable)
    series = tree / "debian" / "patches" / "series"
    names = [ln.split()[0] for ln in series.read_text().splitlines() if ln.strip() and not ln.startswith("#")]
    cases: list[dict[str, object]] = []
    for name in names:
        path = tree / "debian" / "patches" / name
        if not path.is_file():
            continue
        stats["patches"] += 1
        patch = parse_patch(name, path.read_text(errors="replace"))
        if patch is None:
            continue
        gold = [p for p in patch.touched if p in indexable]
        if not gold or len(gold) > MAX_GOLD:
            continue
        cases.append(
            {
                "id": f"{package}-{len(cases):03d}",
                "repo_dir": str(repo.resolve()),
                "query": patch.query,
                "gold_files": gold,
                "project": package,
                "language": language,
                "set": f"change_{split}",
                "source": f"debian:{package}/debian/patches/{name}",
            }
        )
        if len(cases) == MAX_PER_PACKAGE:
            break
    stats["cases"] = len(cases)
    return cases, stats


_VERSION_HEADING = re.compile(r"^(?:#+\s*)?(?:Version\s+|Release\s+|`)?\[?v?(\d+\.\d+\.\d+)\]?(?=[\s(/<`]|$)")
_BULLET = re.compile(r"^\s{0,4}[-*+]\s+(.*)$")


def release_notes(text: str) -> list[tuple[str, list[str]]]:
    """(version, entries) per release section of a changelog, newest first as written."""
    lines = text.splitlines()
    sections: list[tuple[str, list[str]]] = []
    current: list[str] | None = None
    for i, line in enumerate(lines):
        match = _VERSION_HEADING.match(line.strip())
        underlined = i + 1 < len(lines) and re.fullmatch(r"[-=~^]{3,}", lines[i + 1].strip() or "x") is not None
        if match and (line.lstrip().startswith("#") or underlined):
            current = []
            sections.append((match.group(1), current))
            continue
        if current is None:
            continue
        bullet = _BULLET.match(line)
        if bullet:
            current.append(bullet.group(1).strip())
        elif current and line.startswith((" ", "\t")) and line.strip() and not re.fullmatch(r"[-=~]+", line.strip()):
            current[-1] += " " + line.strip()
    return [(version, [clean_entry(e) for e in entries]) for version, entries in sections]


def clean_entry(entry: str) -> str:
    """An entry as a person would say it: markup, links, commit hashes and issue references removed."""
    entry = re.sub(r":(?:issue|pr|ghsa|user|cve):`[^`]*`", "", entry)
    entry = re.sub(r"\[`?[0-9a-f]{7,40}`?\]\([^)]*\)", "", entry)
    entry = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", entry)
    entry = re.sub(r"\(?#\d+\)?|https?://\S+", "", entry)
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


def _copy_release(src: Path, dest: Path) -> None:
    if dest.is_dir():
        return
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("*.dist-info", "*.egg-info", "PKG-INFO"), symlinks=True)


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
    """A changed line that only states the release (version, build number) or is blank."""
    lowered = line[1:].strip().lower()
    return not lowered or any(v in line for v in versions) or "version" in lowered or "__build__" in lowered


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
    for version, entries in sections:
        if len(cases) == MAX_PER_PACKAGE or len(embedded) > CHUNK_BUDGET:
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
        _copy_release(before_src, repo)
        after = DATA / "changes" / "releases-after" / f"{name}-{version}"
        _copy_release(after_src, after)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DATA / "change_cases.jsonl")
    parser.add_argument("--packages", nargs="*", help="survey these packages instead of the built-in lists")
    args = parser.parse_args()
    cases: list[dict[str, object]] = []
    if args.packages:
        for package in args.packages:
            print(f"survey {package}: {package_cases(package, '?', 'survey')[1]}", file=sys.stderr)
        return
    for split, debian, releases in (("dev", DEBIAN_DEV, RELEASES_DEV), ("heldout", DEBIAN_HELDOUT, RELEASES_HELDOUT)):
        for package, language in debian:
            found, stats = package_cases(package, language, split)
            print(f"{split:8} debian {package}: {stats}", file=sys.stderr)
            cases += found
        for registry, name, pinned, changelog, language in releases:
            found, stats = release_cases(registry, name, pinned, changelog, language, split)
            print(f"{split:8} {registry} {name}: {stats}", file=sys.stderr)
            cases += found
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(c) + "\n" for c in cases))
    for split in ("dev", "heldout"):
        part = [c for c in cases if c["set"] == f"change_{split}"]
        langs = sorted({str(c["language"]) for c in part})
        counts = {lang: sum(1 for c in part if c["language"] == lang) for lang in langs}
        print(f"{split}: {len(part)} cases {counts}", file=sys.stderr)
    print(f"{len(cases)} cases -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
