"""Build the public change case set: real change descriptions -> the files each change touched.

Two sources. Release notes (bench/change_releases.py): a release of a PyPI or npm package whose changelog entry holds
one to MAX_ENTRIES entries is a case; the query is those entries, the repository the release before it as the registry
published it, the gold the files that differ between the two (Python, JavaScript, TypeScript, tiktoken's Rust core).
The other, Debian source packages (``apt-get source`` through a private deb-src list under bench/data/, unpacked with
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
  same languages: Python, JavaScript, TypeScript, Go) are only ever reported. Rust is covered only through
  tiktoken (dev): Debian's Rust packages are mostly not served here, and those served carry patches without a
  description; of the Rust sdists on PyPI only orjson's could be fetched offline, and it vendors 900 crate files.

    .venv/bin/python bench/build_change_cases.py --out bench/data/change_cases.jsonl [--packages DEBIAN_SOURCE ...]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))

from polyedit.config import Settings
from polyedit.index.files import Workspace

from bench.change_releases import (  # noqa: F401  (release_notes, clean_entry: the builder's public helpers)
    DATA,
    MAX_GOLD,
    MAX_PER_PACKAGE,
    MAX_WORDS,
    MIN_WORDS,
    clean_entry,
    release_cases,
    release_notes,
)
from bench.fetch import debian_source

# (Debian source package, language): packages whose files the archive serves here, of moderate size (the whole
# tree is embedded), with several described patches.
DEBIAN_DEV = [("runc", "go")]
DEBIAN_HELDOUT = [("caddy", "go")]
# TypeScript: npm packages whose tarballs ship their TypeScript sources (not only declarations) and a changelog the
# builder reads, the newest release pinned (its tree keeps the sources and drops the compiled output, see
# bench/change_releases.py). The split was fixed before any case was built: the qualifying projects (a project's
# packages together: mobx with mobx-react-lite, one repository; ProseMirror's packages) in alphabetical order
# alternate dev, heldout, dev, ...: ethers (dev), mobx (heldout), mobx-keystone (dev), ProseMirror (heldout), rxjs
# (dev). Surveyed and left out: immer, zod, @reduxjs/toolkit, redux, reselect, ajv, hls.js, @trpc/server,
# @tanstack/query-core, @tldraw/store, @wagmi/core, abitype, @azure/msal-browser (sources, no changelog); fp-ts,
# io-ts, monocle-ts, io-ts-types, mobx-utils, @apollo/client, @codemirror/* (changelog, no sources); superstruct,
# type-fest, valibot, neverthrow, ts-pattern, kysely, xstate and others (neither); @remix-run/router (4 sources).
TYPESCRIPT_DEV = [
    ("npm", "ethers", "6.17.0", "CHANGELOG.md", "typescript"),
    ("npm", "mobx-keystone", "2.2.0", "CHANGELOG.md", "typescript"),
    ("npm", "rxjs", "7.8.2", "CHANGELOG.md", "typescript"),
]
TYPESCRIPT_HELDOUT = [
    ("npm", "mobx", "7.1.3", "CHANGELOG.md", "typescript"),
    ("npm", "mobx-react-lite", "5.1.0", "CHANGELOG.md", "typescript"),
    ("npm", "prosemirror-model", "1.25.13", "CHANGELOG.md", "typescript"),
    ("npm", "prosemirror-state", "1.4.4", "CHANGELOG.md", "typescript"),
    ("npm", "prosemirror-view", "1.44.0", "CHANGELOG.md", "typescript"),
]
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
    *TYPESCRIPT_DEV,
]
RELEASES_HELDOUT = [
    ("pypi", "flask", "3.0.3", "CHANGES.rst", "python"),
    ("pypi", "httpx", "0.27.2", "CHANGELOG.md", "python"),
    ("pypi", "pyjwt", "2.9.0", "CHANGELOG.rst", "python"),
    ("pypi", "sqlparse", "0.5.1", "CHANGELOG", "python"),
    ("npm", "body-parser", "1.20.3", "HISTORY.md", "javascript"),
    ("npm", "mysql", "2.18.1", "Changes.md", "javascript"),
    ("npm", "js-yaml", "4.1.0", "CHANGELOG.md", "javascript"),
    *TYPESCRIPT_HELDOUT,
]


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
