"""A dependency-free progress bar for the CLI: redraws in place on a terminal, prints a few lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.width = width
        self.tty = self.stream.isatty()
        self._last = 0.0
        self._last_share = -1.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        share = done / total if total else 1.0
        finished = done >= total
        if self.tty:
            if not finished and now - self._last < 0.1:
                return
            filled = int(self.width * share)
            bar = "#" * filled + "-" * (self.width - filled)
            self.stream.write(f"\r{self.label} [{bar}] {done}/{total}")
            if finished:
                self.stream.write("\n")
        elif finished or share - self._last_share >= 0.25 or now - self._last >= 10:
            self.stream.write(f"{self.label}: {done}/{total}\n")
            self._last_share = share
        self._last = now
        self.stream.flush()
