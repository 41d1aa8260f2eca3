import json


def build():
    return {"a": 1}


def test_roundtrip():
    data = build()

    print(data)
    log(data)
    assert build() == data
