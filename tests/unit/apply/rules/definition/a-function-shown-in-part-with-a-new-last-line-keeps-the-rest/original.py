import json
import logging

log = logging.getLogger(__name__)


def parse(text):
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("expected an object")
    data.setdefault("version", 1)
    return data


def dump(data):
    return json.dumps(data, indent=2)
