"""Which files are indexed: git's ignore rules, the secret deny-list, size, binaries, symlinks."""

from __future__ import annotations

from pathlib import Path

import pytest
from polyedit.index.files import Skipped, Workspace, is_denied


def make(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)


def indexed(root: Path, **kwargs: int) -> set[str]:
    return {e for e in Workspace(root, **kwargs).walk() if isinstance(e, str)}


@pytest.mark.parametrize(
    ("path", "denied"),
    [
        (".env", True),
        (".env.production", True),
        ("config/.env.local", True),
        ("certs/server.pem", True),
        ("tls/private.key", True),
        ("store.p12", True),
        ("cert.pfx", True),
        ("home/id_rsa", True),
        ("id_rsa.pub", True),
        ("id_ed25519", True),
        (".aws/credentials", True),
        ("deploy/.ssh/config", True),
        (".kube/config", True),
        (".npmrc", True),
        (".pypirc", True),
        ("android/release.keystore", True),
        ("secrets/db.yaml", True),
        ("data/app.sqlite", True),
        ("cache.db", True),
        (".git/config", True),
        ("src/env.py", False),
        ("docs/keys.md", False),
        ("src/secrets_manager.py", False),
        ("database.py", False),
    ],
)
def test_deny_list(path: str, denied: bool) -> None:
    assert is_denied(path) is denied


def test_nested_gitignore_and_negation(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            ".gitignore": "*.log\nbuild/\n",
            "app.py": "x",
            "debug.log": "x",
            "build/out.py": "x",
            "pkg/.gitignore": "!keep.log\ngenerated_*.py\n",
            "pkg/keep.log": "x",
            "pkg/other.log": "x",
            "pkg/generated_api.py": "x",
            "pkg/api.py": "x",
            "pkg/deep/.gitignore": "!generated_ok.py\n",
            "pkg/deep/generated_ok.py": "x",
            "pkg/deep/generated_no.py": "x",
        },
    )
    assert indexed(tmp_path) == {
        ".gitignore",
        "app.py",
        "pkg/.gitignore",
        "pkg/keep.log",
        "pkg/api.py",
        "pkg/deep/.gitignore",
        "pkg/deep/generated_ok.py",
    }


def test_git_info_exclude_and_polyeditignore(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            ".git/info/exclude": "local_notes.md\n",
            ".git/HEAD": "ref: refs/heads/main\n",
            ".polyeditignore": "vendor/\n",
            "local_notes.md": "x",
            "vendor/lib.py": "x",
            "main.py": "x",
        },
    )
    assert indexed(tmp_path) == {".polyeditignore", "main.py"}


def test_deny_list_beats_a_gitignore_allow(tmp_path: Path) -> None:
    make(tmp_path, {".gitignore": "!.env\n!*.pem\n", ".env": "SECRET=1", "cert.pem": "x", "ok.py": "x"})
    assert indexed(tmp_path) == {".gitignore", "ok.py"}


def test_size_binary_and_symlinks(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    make(root, {"small.py": "x = 1\n", "big.txt": "y" * 2048, "image.png": b"\x89PNG\0\0\0data", "real/inner.py": "x"})
    outside = tmp_path / "outside.py"
    outside.write_text("secret = 1\n")
    (root / "escape.py").symlink_to(outside)
    (root / "inside_link.py").symlink_to(root / "small.py")
    (root / "linked_dir").symlink_to(tmp_path, target_is_directory=True)
    entries = list(Workspace(root, max_file_size_bytes=1024).walk())
    kept = {e for e in entries if isinstance(e, str)}
    skipped = {e.path: e.reason for e in entries if isinstance(e, Skipped)}
    assert kept == {"small.py", "real/inner.py", "inside_link.py"}
    assert skipped == {
        "big.txt": "larger than 1024 bytes",
        "image.png": "binary",
        "escape.py": "symlink leaves the workspace",
    }


def test_unreadable_file_is_skipped_with_a_reason(tmp_path: Path) -> None:
    make(tmp_path, {"ok.py": "y"})
    (tmp_path / "dangling.py").symlink_to(tmp_path / "missing.py")  # unreadable even for root
    entries = list(Workspace(tmp_path).walk())
    assert "ok.py" in entries
    assert [e for e in entries if isinstance(e, Skipped)] == [
        Skipped("dangling.py", "unreadable (No such file or directory)")
    ]


def test_invalid_utf8_is_read_with_replacement(tmp_path: Path) -> None:
    (tmp_path / "latin1.py").write_bytes("name = 'caf\xe9'\n".encode("latin-1"))
    text, valid = Workspace(tmp_path).read_text("latin1.py")
    assert not valid and text == "name = 'caf\ufffd'\n"


def test_exclusion_reason_for_single_paths(tmp_path: Path) -> None:
    make(tmp_path, {".gitignore": "dist/\n", "dist/x.js": "x", "src/a.py": "x"})
    ws = Workspace(tmp_path)
    assert ws.exclusion_reason("src/a.py") is None
    assert ws.exclusion_reason("dist/x.js") == "ignored"
    assert ws.exclusion_reason(".env") == "secret deny-list"
    assert ws.relative(tmp_path / "src" / "a.py") == "src/a.py"
    assert ws.relative(tmp_path.parent / "elsewhere.py") is None


def test_a_link_is_judged_by_what_it_points_at(tmp_path: Path) -> None:
    """A secret behind an innocent name is neither indexed nor readable: the deny-list applies to the real path."""
    make(tmp_path, {".env": "TOKEN=1\n", "secrets/prod.txt": "pw\n", "build.log": "x\n", "ok.py": "x = 1\n"})
    (tmp_path / ".gitignore").write_text("*.log\n")
    (tmp_path / "lib").mkdir()
    (tmp_path / "notes.txt").symlink_to(".env")
    (tmp_path / "lib/x.py").symlink_to("../secrets/prod.txt")
    (tmp_path / "log.py").symlink_to("build.log")
    workspace = Workspace(tmp_path)
    entries = list(workspace.walk())
    assert {e for e in entries if isinstance(e, str)} == {".gitignore", "ok.py"}
    assert {e.path: e.reason for e in entries if isinstance(e, Skipped)} == {
        "notes.txt": "link to .env, which polyedit may not read",
        "lib/x.py": "link to secrets/prod.txt, which polyedit may not read",
        "log.py": "link to build.log, which polyedit may not read",
    }
    assert workspace.exclusion_reason("notes.txt") == "secret deny-list"
    assert workspace.exclusion_reason("log.py") == "ignored"
