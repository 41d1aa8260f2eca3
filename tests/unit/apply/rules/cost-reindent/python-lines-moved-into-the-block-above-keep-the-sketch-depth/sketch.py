# ... existing code ...
    else:
        text = "\n".join(rows)
        lines = text.split("\n")
        if lines and not lines[-1]:
            lines.pop()
        text = "\n".join(lines)
    return text


def width(text):
# ... existing code ...
