def test_a():
    assert a() == 1


def test_b():
    assert b() == 2


def test_c():
    assert c() == 3
