import os
import pytest
from app import Config

x = 1


def test_a():
    assert Config(x)
