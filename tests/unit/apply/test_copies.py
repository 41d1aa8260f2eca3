"""A line the sketch shows once, standing once in the file, stands once in the merge (``copies.py``)."""

from __future__ import annotations

from polyedit.apply.copies import doubles, shown_once

ORIGINAL = ["import os", "import pytest", "from app import Config", "", "x = 1", "x = 1"]  # normalised


def test_a_line_standing_once_in_both_is_watched() -> None:
    once = shown_once(ORIGINAL, ["from app import Config", "import pytest", "", "x = 1"])
    assert once == {"from app import Config", "import pytest"}  # 'x = 1' stands twice in the file; blank lines never


def test_a_file_keeping_the_moved_line_twice_doubles_it() -> None:
    once = shown_once(ORIGINAL, ["from app import Config", "import pytest"])
    kept_twice = ["import os", "import pytest", "from app import Config", "import pytest", "", "x = 1", "x = 1"]
    moved = ["import os", "from app import Config", "import pytest", "", "x = 1", "x = 1"]
    assert doubles(kept_twice, once)
    assert not doubles(moved, once)
