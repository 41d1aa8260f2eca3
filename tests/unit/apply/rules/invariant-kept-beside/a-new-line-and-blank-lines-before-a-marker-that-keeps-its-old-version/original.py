# Licensed under the MIT License.
# See LICENSE for details.

from typing import Any, Iterator, Optional, Set

from ._parser import parse_requirement


class InvalidRequirement(ValueError):
    pass
