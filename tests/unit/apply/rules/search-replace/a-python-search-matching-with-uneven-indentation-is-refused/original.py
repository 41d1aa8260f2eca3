def f(xs):
    for x in xs:
        a(x)
    b()
    return xs
