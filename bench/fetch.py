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
