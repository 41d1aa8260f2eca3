    b = y - 1.10 * i + 1.70 * q

    r = max(r, 0.0)
    g = max(g, 0.0)
    b = max(b, 0.0)
    return (r, g, b)
