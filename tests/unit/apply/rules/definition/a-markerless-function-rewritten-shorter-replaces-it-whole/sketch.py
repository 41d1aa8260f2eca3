def _v(m1, m2, hue):
    hue = hue % 1.0
    lo = min(max(hue * 6.0, 0.0), 1.0)
    hi = min(max((TWO_THIRD - hue) * 6.0, 0.0), 1.0)
    return m1 + (m2 - m1) * max(lo, hi)
