"""The change set's release-notes reader (bench/change_releases.py) on the changelog shapes it meets."""

from __future__ import annotations

from pathlib import Path

from bench.change_releases import _copy_release, _version_only, clean_entry, release_notes


def test_bullets_under_markdown_headings() -> None:
    text = "# Changes\n\n## 1.2.1\n\n- Fix the parser\n- Faster\n  start-up\n\n## 1.2.0\n\n* Add `feature`\n"
    assert release_notes(text) == [("1.2.1", ["Fix the parser", "Faster start-up"]), ("1.2.0", ["Add feature"])]


def test_paragraphs_are_entries_when_the_changelog_has_no_bullet() -> None:
    text = (
        "## 1.25.8 (2026-06-10)\n\n### Bug fixes\n\nFix bad exception message caused\nby a shadowed variable.\n\n"
        "Make sure `findDiffStart` works.\n\n## 1.25.7 (2026-05-18)\n\n### New features\n\nAllow DOM specs.\n"
    )
    assert release_notes(text) == [
        ("1.25.8", ["Fix bad exception message caused by a shadowed variable.", "Make sure findDiffStart works."]),
        ("1.25.7", ["Allow DOM specs."]),
    ]


def test_underlined_name_slash_version_headings() -> None:
    text = "Change Log\n==========\n\nethers/v6.9.2 (2024-01-02 19:12)\n" + "-" * 32 + "\n\n  - Fix Base58\n"
    assert release_notes(text) == [("6.9.2", ["Fix Base58"])]


def test_changesets_credit_and_hash_are_removed() -> None:
    entry = (
        "[`78f3fa555a9481247c6f463d77ed3e59766599e2`](https://github.com/o/r/commit/78f3fa5) "
        "[#4756](https://github.com/o/r/pull/4756) Thanks [@kubk](https://github.com/kubk)! - Fix `super` reads."
    )
    assert clean_entry(entry) == "Fix super reads."


def test_githead_is_a_publish_artifact() -> None:
    assert _version_only('-  "gitHead": "180221574c5d2af9ad85404af4fab8752d3d5029",', ("6.9.1", "6.9.2"))
    assert not _version_only('-  "main": "lib/index.js",', ("6.9.1", "6.9.2"))


def test_typescript_tree_drops_compiled_output(tmp_path: Path) -> None:
    src = tmp_path / "package"
    for rel in ("src/a.ts", "src/b.tsx", "dist/a.js", "dist/a.d.ts", "dist/a.js.map", "dist/a.cjs", "package.json"):
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text("x\n")
    _copy_release(src, tmp_path / "ts", "typescript")
    _copy_release(src, tmp_path / "js", "javascript")
    kept = sorted(p.relative_to(tmp_path / "ts").as_posix() for p in (tmp_path / "ts").rglob("*") if p.is_file())
    assert kept == ["package.json", "src/a.ts", "src/b.tsx"]
    assert len([p for p in (tmp_path / "js").rglob("*") if p.is_file()]) == 7
