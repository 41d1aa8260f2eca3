def build():
    return 1


def test_x():
    data = build()

    helper = make_helper()
    assert data == 1
