def hsv_to_rgb(h, s, v):
    # ... existing code ...
    if i == 0:
        return v, h, s
    raise AssertionError("unreachable: i=%d" % i)
