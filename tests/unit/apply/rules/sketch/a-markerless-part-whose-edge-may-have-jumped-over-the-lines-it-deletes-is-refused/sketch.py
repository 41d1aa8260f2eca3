    hue = hue % 1.0
    if hue < TWO_THIRD:
