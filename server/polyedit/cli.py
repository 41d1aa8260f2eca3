"""The ``polyedit`` command line: serve, index, search, apply, edit, doctor, trust."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
import tempfile
import time
from pathlib import Path

from polyedit.apply.llm_tier import LlmMerger
from polyedit.config import Settings, load_workspace_settings
from polyedit.index.search import Mode
from polyedit.index.service import IndexService
from polyedit.progress import ProgressBar


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="polyedit", description="Multi-file AI edits for any LSP editor.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages to stderr")
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("serve", help="run the language server over stdio")

    p_index = sub.add_parser("index", help="index a workspace (embeds what is new) and print a summary")
    p_index.add_argument("root", nargs="?", default=".", type=Path)

    p_search = sub.add_parser("search", help="search a workspace's index (indexes it first if needed)")
    p_search.add_argument("args", nargs="+", metavar="[ROOT] QUERY")
    p_search.add_argument("-k", type=int, default=10, help="number of results (default 10)")
    p_search.add_argument("--json", action="store_true", help="one JSON object per line")
    p_search.add_argument("--mode", choices=["hybrid", "lexical", "dense"], default="hybrid")

    p_apply = sub.add_parser("apply", help="merge an edit sketch into a file (prints the result by default)")
    p_apply.add_argument("file", type=Path)
    p_apply.add_argument("sketch", type=Path, help="the sketch file, or - for standard input")
    p_apply.add_argument("--format", choices=["auto", "lazy", "search-replace", "full"], default="auto")
    p_apply.add_argument("--llm-url", help="OpenAI-compatible base URL of a local apply model (second tier)")
    p_apply.add_argument("--llm-model", help="model name for --llm-url")
    out = p_apply.add_mutually_exclusive_group()
    out.add_argument("--diff", dest="output", action="store_const", const="diff", help="print a unified diff")
    out.add_argument("--write", dest="output", action="store_const", const="write", help="write the file atomically")
    out.add_argument("--json", dest="output", action="store_const", const="json", help="print {text, edits, checks}")

    p_edit = sub.add_parser("edit", help="plan and make a multi-file edit (prints a diff; --write applies)")
    p_edit.add_argument("args", nargs="+", metavar="[ROOT] INSTRUCTION")
    p_edit.add_argument("--write", action="store_true", help="write every changed file (all or none)")
    p_edit.add_argument(
        "--yes-control-files",
        action="store_true",
        help="with --write: also write editor, agent, CI, git and test-runner configuration without asking",
    )
    p_edit.add_argument(
        "--focus",
        default="",
        metavar="PATH[:FIRST-LAST]",
        help="the file (and lines) the instruction is about, as an editor's active file and selection",
    )
    p_edit.add_argument("--plan-only", action="store_true", help="stop after the plan")
    p_edit.add_argument("--json", action="store_true", help="print the trace and the changes as JSON")

    p_write = sub.add_parser("write", help="write an edit that 'polyedit edit' kept (without running the models again)")
    p_write.add_argument("edit", type=Path, help="the kept edit's file, as 'polyedit edit' printed it")
    p_write.add_argument(
        "--yes-control-files",
        action="store_true",
        help="also write editor, agent, CI, git and test-runner configuration without asking",
    )

    p_doctor = sub.add_parser("doctor", help="check the install and each model role's endpoint")
    p_doctor.add_argument("root", nargs="?", default=".", type=Path)
    p_trust = sub.add_parser("trust", help="let a workspace's polyedit settings choose providers, spend and paths")
    p_trust.add_argument("root", nargs="?", default=".", type=Path)

    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    if args.command == "serve":
        from polyedit.lsp.server import run

        run()
        return 0
    if args.command == "apply":
        from polyedit.apply_cli import run_apply

        return run_apply(args.file, args.sketch, args.format, args.output or "text", _apply_fallback(args))
    if args.command == "edit":
        from polyedit.edit_cli import run_edit

        if len(args.args) > 2:
            parser.error("edit takes [ROOT] INSTRUCTION: quote the instruction")
        root, instruction = (Path(args.args[0]), args.args[1]) if len(args.args) == 2 else (Path("."), args.args[0])
        service = _open_service(root)
        try:
            return run_edit(
                service,
                instruction,
                args.write,
                args.plan_only,
                args.json,
                yes_control_files=args.yes_control_files,
                focus=args.focus,
            )
        finally:
            service.close()
    if args.command == "write":
        from polyedit.write_cli import run_write

        return run_write(args.edit, args.yes_control_files)
    if args.command == "index":
        return cmd_index(args.root)
    if args.command == "search":
        if len(args.args) > 2:
            parser.error("search takes [ROOT] QUERY: quote the query")
        root, query = (Path(args.args[0]), args.args[1]) if len(args.args) == 2 else (Path("."), args.args[0])
        return cmd_search(root, query, args.k, args.json, args.mode)
    if args.command == "trust":
        from polyedit.config import trust

        listed = trust(args.root)
        print(f"polyedit: trusted {args.root.resolve()} (listed in {listed}); its polyedit settings now all apply")
        return 0
    return cmd_doctor(args.root)


def _apply_fallback(args: argparse.Namespace) -> LlmMerger | None:
    """The apply_fallback role (or --llm-url/--llm-model, the user's choice on the command line) as a merger."""
    from polyedit.models.registry import LEGACY_APPLY_PROVIDER, build_router, fallback_spec
    from polyedit.pipeline.fallback import ProviderMerger

    settings = _settings(Path.cwd())
    if args.llm_url:
        model = args.llm_model or settings.apply_llm_model
        if not model:
            raise SystemExit("polyedit: --llm-url needs --llm-model NAME (the model to ask that server for)")
        entry = {"base_url": args.llm_url, "local": True, "tools": False}
        providers = {**settings.providers, LEGACY_APPLY_PROVIDER: entry}
        settings = dataclasses.replace(settings, providers=providers, apply_fallback=f"{LEGACY_APPLY_PROVIDER}:{model}")
    spec = fallback_spec(settings)
    if spec is None:
        return None
    return ProviderMerger(build_router(settings, timeout_s=settings.apply_llm_timeout_s), spec)


def _settings(root: Path) -> Settings:
    settings = load_workspace_settings(root)
    for problem in settings.problems:
        print(f"polyedit: {problem}", file=sys.stderr)
    return settings


def _open_service(root: Path) -> IndexService:
    if not root.is_dir():
        raise SystemExit(f"polyedit: {root} is not a directory")
    service = IndexService(root, _settings(root))
    for notice in service.notices:
        print(f"polyedit: {notice}", file=sys.stderr)
    return service


def cmd_index(root: Path) -> int:
    started = time.monotonic()
    service = _open_service(root)
    try:
        summary = service.scan(progress=ProgressBar("files"))
        pending = service.status().pending
        if pending:
            service.start_embedding()
            service.wait_idle(progress=ProgressBar("embeddings"))
        status = service.status()
        seconds = time.monotonic() - started
        print(
            f"files: {status.files}  chunks: {status.chunks}  embedded: {service.embedded_now}  "
            f"reused: {status.embedded - service.embedded_now}  skipped: {len(summary.skipped)}  "
            f"seconds: {seconds:.1f}"
        )
        if status.state == "error":
            print(f"polyedit: embeddings unavailable: {status.message}", file=sys.stderr)
            return 1
    finally:
        service.close()
    return 0


def cmd_search(root: Path, query: str, k: int, as_json: bool, mode: Mode) -> int:
    service = _open_service(root)
    try:
        service.scan(progress=ProgressBar("files") if not as_json else None)
        if mode == "dense" and service.status().pending:  # dense only: every chunk needs its vector
            service.start_embedding()
            service.wait_idle(progress=ProgressBar("embeddings") if not as_json else None)
        # hybrid does not wait: it embeds its likeliest chunks first, as an edit's first search does
        results = service.search(query, k=k, mode=mode, load_model=True, embed_missing=mode == "hybrid")
        # a model that did not load is not a matter of waiting: the search's warning says why
        left = service.status().pending if mode == "hybrid" and service.embedder.loaded else 0
    finally:
        service.close()
    if left and not as_json:
        print(
            f"polyedit: {left} chunks not embedded yet, searched without their dense scores "
            "('polyedit index' embeds them all)",
            file=sys.stderr,
        )
    for result in results:
        if as_json:
            print(json.dumps(result.to_json(), ensure_ascii=False))
        else:
            symbol = f"  {result.symbol}" if result.symbol else ""
            print(f"{result.path}:{result.start_line}-{result.end_line}{symbol}  ({result.score:.4f})")
    if not results:
        print("no results", file=sys.stderr)
    return 0


def cmd_doctor(root: Path) -> int:
    """Check each part of the install and say what is wrong and how to fix it."""
    from polyedit.index.embedder import make_embedder
    from polyedit.index.languages import available_grammars

    problems = 0

    def report(ok: bool, what: str, detail: str = "") -> None:
        nonlocal problems
        problems += 0 if ok else 1
        print(f"{'ok ' if ok else 'BAD'}  {what}{': ' + detail if detail else ''}")

    settings = _settings(root)
    for name, error in available_grammars().items():
        report(error is None, f"grammar {name}", error or "")
    cache = settings.cache_path()
    try:
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache):
            pass
        report(True, "cache directory writable", str(cache))
    except OSError as exc:
        report(False, "cache directory writable", f"{cache}: {exc}. Set POLYEDIT_CACHE_DIR or 'cache_dir'.")
    embedder = make_embedder(settings)
    try:
        vector = embedder.encode(["def hello(): pass"])
        report(True, f"embedding model {embedder.name} loads offline", f"dimension {vector.shape[1]}")
    except Exception as exc:  # doctor reports any failure instead of crashing
        report(False, f"embedding model {embedder.name}", str(exc))
    _doctor_models(settings)
    print("all good" if not problems else f"{problems} problem(s) found")
    return 0 if not problems else 1


def _doctor_models(settings: Settings) -> None:
    """Each role's provider, model and whether its endpoint answers. A role that cannot work is a warning, not a
    failed install: index, search and apply work without any model."""
    import asyncio

    from polyedit.models.registry import build_models, check_roles

    models = build_models(settings)
    for notice in models.notices:
        print(f"note {notice}")
    checks = asyncio.run(check_roles(models))
    for check in checks:
        print(f"{'ok ' if check.ok else 'warn'}  {check.role} model {check.spec}: {check.detail}")


if __name__ == "__main__":
    raise SystemExit(main())
