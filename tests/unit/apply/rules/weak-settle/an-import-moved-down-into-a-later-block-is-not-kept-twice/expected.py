import os
from typing import Any

from app.config import Settings
from app.cache import Cache
from app.client import Client
import requests


def make(settings: Settings) -> Client:
    return Client(settings, os.environ, Cache())
