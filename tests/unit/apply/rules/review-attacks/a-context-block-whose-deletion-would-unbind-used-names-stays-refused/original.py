import json


def build():
    return {"a": 1}


def test_roundtrip():
    data = build()

    encoded = json.dumps(data)
    decoded = json.loads(encoded)
    assert decoded == data
