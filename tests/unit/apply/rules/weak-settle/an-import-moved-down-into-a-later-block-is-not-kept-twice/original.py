import os
from typing import Any

import requests
from app.config import Settings
from app.cache import Cache
from app.client import Client


def make(settings: Settings) -> Client:
    return Client(settings, os.environ, Cache())
