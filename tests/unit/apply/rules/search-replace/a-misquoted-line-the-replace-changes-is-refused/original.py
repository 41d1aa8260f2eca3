def f():
    return call(timeout=10, retries=3, verbose=False)
