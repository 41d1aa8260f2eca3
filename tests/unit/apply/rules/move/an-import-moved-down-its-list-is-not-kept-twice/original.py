import os
import pytest
from app import Config


def test_x():
    assert Config
