import os
import sys
from typing import List
from typing import Dict

import requests


def fetch(urls: List[str]) -> Dict[str, int]:
    return {u: requests.get(u).status_code for u in urls}
