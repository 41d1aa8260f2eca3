"""Build the public retrieval case set from released packages (PyPI wheels and npm tarballs) fetched at bench time.

Method (as in CodeSearchNet): each project is unpacked, then copied into bench/data/retrieval/<project>/ with the
docstrings (Python) and JSDoc blocks (JavaScript) of its functions and classes removed. The first sentence of each
removed text becomes a query; the file that defined the function is its gold file. Sentences that name the symbol
itself are dropped, so a query cannot be answered by matching the name alone. Nothing downloaded is committed.

    .venv/bin/python bench/build_retrieval_cases.py --out bench/data/retrieval_cases.jsonl [--per-project 45]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import tree_sitter

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))
import itertools

from polyedit.index.languages import parser_for
from polyedit.index.tokens import split_identifier

from bench.fetch import npm_package, pypi_wheel

DATA = Path(__file__).parent / "data"
# (registry, spec, source directory inside the unpacked archive)
PROJECTS = [
    ("pypi", "requests==2.32.3", "requests"),
    ("pypi", "click==8.1.7", "click"),
    ("pypi", "rich==13.9.4", "rich"),
    ("pypi", "httpx==0.27.2", "httpx"),
    ("npm", "axios@1.7.7", "lib"),
    ("npm", "express@4.21.1", "lib"),
    ("npm", "commander@12.1.0", "lib"),
]
SEED = 20261124
MIN_WORDS, MAX_WORDS = 5, 30


@dataclass
class Doc:
    symbol: str
    text: str
    start_byte: int
    end_byte: int
    replacement: bytes


def fetch(registry: str, spec: str) -> Path:
    """The released package's source folder (the wheel's root for PyPI, the package folder for npm)."""
    name, version = re.split(r"==|@(?=[^@]*$)", spec)
    return pypi_wheel(name, version) if registry == "pypi" else npm_package(name, version)


def first_sentence(text: str) -> str:
    lines = [re.sub(r"^\s*\*\s?", "", line).strip() for line in text.strip().splitlines()]
    paragraph = []
    for line in lines:
        if not line or line.startswith(("@", ":", ">>>", "Args", "Returns", "Example")):
            if paragraph:
                break
            continue
        paragraph.append(line)
    sentence = re.split(r"(?<=[.!?])\s", " ".join(paragraph))[0]
    return sentence.rstrip(".").strip()


def python_docs(source: bytes) -> list[Doc]:
    tree = parser_for("python").parse(source)
    docs: list[Doc] = []

    def visit(node: tree_sitter.Node) -> None:
        if node.type in ("function_definition", "class_definition"):
            body = node.child_by_field_name("body")
            name = node.child_by_field_name("name")
            if body is not None and body.named_children and name is not None:
                first = body.named_children[0]
                if first.type == "expression_statement" and first.named_children[0].type == "string":
                    raw = first.text.decode("utf-8", "replace") if first.text else ""
                    only = len(body.named_children) == 1
                    docs.append(
                        Doc(
                            (name.text or b"").decode(),
                            re.sub(r"^[rbuRBU]*(\"\"\"|'''|\"|')|(\"\"\"|'''|\"|')$", "", raw.strip()),
                            first.start_byte,
                            first.end_byte,
                            b"pass" if only else b"",
                        )
                    )
        for child in node.named_children:
            visit(child)

    visit(tree.root_node)
    return docs


def javascript_docs(source: bytes) -> list[Doc]:
    tree = parser_for("javascript").parse(source)
    docs: list[Doc] = []

    def visit(node: tree_sitter.Node) -> None:
        children = node.named_children
        for comment, nxt in itertools.pairwise(children):
            text = (comment.text or b"").decode("utf-8", "replace")
            if comment.type != "comment" or not text.startswith("/**"):
                continue
            names = re.findall(
                r"(?:function\s+|\.|\b)([A-Za-z_$][\w$]*)\s*(?:=\s*(?:async\s+)?function|\()",
                (nxt.text or b"")[:200].decode("utf-8", "replace"),
            )
            if names:
                docs.append(Doc(names[0], text[3:-2], comment.start_byte, comment.end_byte, b""))
        for child in children:
            visit(child)

    visit(tree.root_node)
    return docs


def strip_and_collect(src_dir: Path, dest: Path, language: str) -> list[tuple[str, str, str]]:
    """Copy ``src_dir`` to ``dest`` without docs; return (relative path, symbol, query) for usable docs."""
    suffix, extract = (".py", python_docs) if language == "python" else (".js", javascript_docs)
    found = []
    for path in sorted(src_dir.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(src_dir).as_posix()
        out = dest / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix != suffix:
            shutil.copyfile(path, out)
            continue
        source = path.read_bytes()
        docs = extract(source)
        for doc in sorted(docs, key=lambda d: d.start_byte, reverse=True):
            source = source[: doc.start_byte] + doc.replacement + source[doc.end_byte :]
            query = first_sentence(doc.text)
            words = query.split()
            parts = split_identifier(doc.symbol)
            lowered = {w.lower().strip(".,:;`'\"()") for w in words}
            named = doc.symbol.lower() in lowered or (len("".join(parts)) >= 5 and all(p in lowered for p in parts))
            if MIN_WORDS <= len(words) <= MAX_WORDS and not named:
                found.append((rel, doc.symbol, query))
        out.write_bytes(re.sub(rb"\n[ \t]*\n([ \t]*\n)+", b"\n\n", source))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DATA / "retrieval_cases.jsonl")
    parser.add_argument("--per-project", type=int, default=45)
    args = parser.parse_args()
    rng = random.Random(SEED)
    cases = []
    for registry, spec, subdir in PROJECTS:
        top = fetch(registry, spec)
        name = re.split(r"[=@]", spec)[0]
        repo_dir = DATA / "retrieval" / name
        shutil.rmtree(repo_dir, ignore_errors=True)
        found = strip_and_collect(top / subdir, repo_dir, "python" if registry == "pypi" else "javascript")
        unique = {q: (rel, sym) for rel, sym, q in found}  # one case per distinct query text
        picked = rng.sample(sorted(unique), min(args.per_project, len(unique)))
        for i, query in enumerate(picked):
            rel, symbol = unique[query]
            cases.append(
                {
                    "id": f"{name}-{i:03d}",
                    "repo_dir": str(repo_dir.resolve()),
                    "query": query,
                    "gold_files": [rel],
                    "symbol": symbol,
                    "project": spec,
                }
            )
        print(f"{spec}: {len(unique)} usable docs, {len(picked)} cases", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(c) + "\n" for c in cases))
    print(f"{len(cases)} cases -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
