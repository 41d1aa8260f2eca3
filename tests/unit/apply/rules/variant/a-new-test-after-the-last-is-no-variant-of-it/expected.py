from p import parse


def test_parse_int():
    assert parse("1") == 1


def test_parse_float():
    assert parse("1.5") == 1.5


def test_parse_neg():
    assert parse("-1") == -1


def test_parse_hex():
    assert parse("0x10") == 16
