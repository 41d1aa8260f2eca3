def handler_a(ev):
    return process(ev, "a")


def handler_b(ev):
    return process(ev, "b")


def handler_c(ev):
    return process(ev, "c")
