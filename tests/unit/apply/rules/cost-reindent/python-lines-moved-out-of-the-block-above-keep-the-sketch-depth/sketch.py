# ... existing code ...
    else:
        text = "\n".join(rows)
    lines = text.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def width(text):
# ... existing code ...
