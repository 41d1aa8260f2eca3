# ... existing code ...
# See LICENSE for details.
from __future__ import annotations

from typing import Any, Iterator

# ... existing code ...
