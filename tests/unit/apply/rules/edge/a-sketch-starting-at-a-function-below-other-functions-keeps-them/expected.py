"""Conversion functions between RGB and other color systems."""

__all__ = ["rgb_to_hsv", "hsv_to_rgb"]


def rgb_to_hsv(r, g, b):
    maxc = max(r, g, b)
    minc = min(r, g, b)
    return (minc, maxc, maxc)


def rgb_to_yiq(r, g, b):
    y = 0.30 * r + 0.59 * g + 0.11 * b
    return (y, r - y, b - y)


def hsv_to_rgb(h, s, v):
    if s == 0.0:
        return v, v, v
    i = int(h * 6.0)
    if i == 0:
        return v, h, s
    raise AssertionError("unreachable: i=%d" % i)
