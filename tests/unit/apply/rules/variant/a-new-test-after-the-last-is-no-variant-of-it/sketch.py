# ... existing code ...


def test_parse_hex():
    assert parse("0x10") == 16
