# ... existing code ...


def handler_c(ev):
    return process(ev, "c")
