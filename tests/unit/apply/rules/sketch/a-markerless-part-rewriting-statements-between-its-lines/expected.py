def yiq_to_rgb(y, i, q):
    r = y + 0.95 * i + 0.62 * q
    g = y - 0.27 * i - 0.64 * q
    b = y - 1.10 * i + 1.70 * q

    r = max(r, 0.0)
    g = max(g, 0.0)
    b = max(b, 0.0)
    return (r, g, b)


def rgb_to_hls(r, g, b):
    return hls(r, g, b)
