import os
from app import Config
import pytest


def test_x():
    assert Config
