"""What the index reports: its state while it scans and embeds, and a scan's summary."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from polyedit.index.files import Skipped


@dataclass(frozen=True)
class IndexStatus:
    state: str  # starting | indexing | embedding | ready | error
    files: int
    chunks: int
    embedded: int
    pending: int
    newly_embedded: int = 0  # chunks the model embedded since this process started (0 on a warm restart)
    message: str | None = None
    scanned: int = 0  # while indexing: files looked at so far, of scan_total
    scan_total: int = 0

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        if data["message"] is None:
            del data["message"]
        return data


@dataclass(frozen=True)
class ScanSummary:
    files: int
    indexed: int  # files (re)chunked in this scan
    removed: int
    skipped: list[Skipped]
    chunks: int
    seconds: float
