ONE_SIXTH = 1.0 / 6.0
TWO_THIRD = 2.0 / 3.0


def _v(m1, m2, hue):
    hue = hue % 1.0
    lo = min(max(hue * 6.0, 0.0), 1.0)
    hi = min(max((TWO_THIRD - hue) * 6.0, 0.0), 1.0)
    return m1 + (m2 - m1) * max(lo, hi)


def hls_to_rgb(h, l, s):
    return (_v(l, s, h), _v(l, s, h - ONE_SIXTH))
