import os

from app import Config
import pytest

x = 1


def test_a():
    assert Config(x)
