def paint(text, ranges):
    for stylized in ranges:
        start, end = stylized.start, stylized.end
        if start is not None and end is not None:
            text.stylize(stylized.style, start, end)
    return text
