"""The local apply model: merge a model's edit sketch into a file exactly, or refuse with a reason. Pure functions."""

from polyedit.apply.api import apply_sketch
from polyedit.apply.types import Applied, ApplyRefused, TextEdit

__all__ = ["Applied", "ApplyRefused", "TextEdit", "apply_sketch"]
