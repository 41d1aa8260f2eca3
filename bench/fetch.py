"""Fetch released code through the package registries at bench time, into bench/data/ (git-ignored), once."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

DATA = Path(__file__).parent / "data"
_PIP_DOWNLOAD = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary", ":all:"]


def _slug(spec: str) -> str:
    return re.sub(r"[^A-Za-z0-9.]+", "-", spec).strip("-")


def _only_dir(folder: Path) -> Path:
    [top] = [p for p in folder.iterdir() if p.is_dir()]
    return top


def pypi_wheel(name: str, version: str) -> Path:
    """A pure-Python wheel unpacked: it holds the released source files and needs no build step to obtain."""
    target = DATA / "downloads" / "pypi" / _slug(f"{name}-{version}")
    if not (target / "src").is_dir():
        target.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [*_PIP_DOWNLOAD, "-d", str(target), f"{name}=={version}"],
            check=True,
        )
        for wheel in target.glob("*.whl"):
            with zipfile.ZipFile(wheel) as archive:
                archive.extractall(target / "src")
    return target / "src"


def npm_package(name: str, version: str) -> Path:
    """``npm pack`` unpacked; the top folder is ``package/`` for most packages, the package name for @types."""
    target = DATA / "downloads" / "npm" / _slug(f"{name}-{version}")
    if not target.is_dir() or not any(p.is_dir() for p in target.iterdir()):
        target.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", f"{name}@{version}", "--silent"], cwd=target, check=True, capture_output=True)
        for archive in target.glob("*.tgz"):
            with tarfile.open(archive) as tar:
                tar.extractall(target, filter="data")
    return _only_dir(target)


def debian_package(name: str) -> Path:
    """A Debian package's files (``apt-get download`` + ``dpkg-deb -x``); -dev packages carry library sources."""
    target = DATA / "downloads" / "debian" / name
    if not (target / "x").is_dir():
        target.mkdir(parents=True, exist_ok=True)
        subprocess.run(["apt-get", "download", name], cwd=target, check=True, capture_output=True)
        for deb in target.glob("*.deb"):
            subprocess.run(["dpkg-deb", "-x", deb.name, "x"], cwd=target, check=True, capture_output=True)
    return target / "x"


_APT_SRC = DATA / "apt-src"


def _apt_source_options() -> list[str]:
    """apt options for a private deb-src list under bench/data/ (the machine's own apt sources stay untouched)."""
    return [
        "-o",
        f"Dir::Etc::SourceList={_APT_SRC / 'sources.list'}",
        "-o",
        "Dir::Etc::SourceParts=/dev/null",
        "-o",
        f"Dir::State::Lists={_APT_SRC / 'lists'}",
    ]


def debian_source(name: str, suite: str = "bookworm") -> Path | None:
    """A Debian source package downloaded (``apt-get source --download-only``) and unpacked *without* its patches
    (``dpkg-source --skip-patches``): the upstream tree as released, with ``debian/patches/`` beside it.

    Returns None when the archive does not serve every file of the package (the mirror here lacks some)."""
    target = DATA / "downloads" / "debian-src" / name
    tree = target / "tree"
    if (tree / "debian" / "patches").is_dir():
        return tree
    if not (_APT_SRC / "lists").is_dir():
        (_APT_SRC / "lists" / "partial").mkdir(parents=True, exist_ok=True)
        (_APT_SRC / "sources.list").write_text(f"deb-src http://deb.debian.org/debian {suite} main\n")
        subprocess.run(["apt-get", *_apt_source_options(), "update", "-q"], check=True, capture_output=True)
    target.mkdir(parents=True, exist_ok=True)
    got = subprocess.run(
        ["apt-get", *_apt_source_options(), "source", "-q", "--download-only", name],
        cwd=target,
        capture_output=True,
    )
    dscs = sorted(target.glob("*.dsc"))
    if got.returncode != 0 or not dscs:
        return None
    unpacked = subprocess.run(
        ["dpkg-source", "--no-check", "--skip-patches", "-x", dscs[0].name, "tree"],
        cwd=target,
        capture_output=True,
    )
    if unpacked.returncode != 0 or not (tree / "debian" / "patches").is_dir():
        return None
    return tree


def pypi_sdist(name: str, version: str) -> Path:
    """A source distribution unpacked (``pip download --no-binary``): for projects whose wheels hold compiled code
    only (a Rust extension), the sdist has the source."""
    target = DATA / "downloads" / "pypi-sdist-tree" / _slug(f"{name}-{version}")
    if not (target / "src").is_dir():
        target.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:", f"{name}=={version}"],
            cwd=target,
            check=True,
        )
        for archive in target.glob("*.tar.gz"):
            with tarfile.open(archive) as tar:
                tar.extractall(target / "src", filter="data")
    return _only_dir(target / "src")
