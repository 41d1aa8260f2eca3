"""Persisted user settings."""

import json
import os
from pathlib import Path


class SettingsStore:
    """Reads and writes the settings file."""

    def __init__(self, path: Path):
        self.path = path
        self.values: dict[str, object] = {}

    def load(self) -> None:
        """Read the settings file if it exists."""
        if self.path.exists():
            self.values = json.loads(self.path.read_text())

    def save(self) -> None:
        """Write the settings file.

        The parent directory is created when missing.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.values, indent=2))
        os.replace(tmp, self.path)
