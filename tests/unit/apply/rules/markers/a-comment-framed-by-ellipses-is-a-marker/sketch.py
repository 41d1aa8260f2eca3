# ... all the other test cases stay exactly as they were ...


def test_c():
    assert c() == 4
