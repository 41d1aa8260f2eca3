def render(rows, wide):
    if wide:
        text = " | ".join(rows)
    else:
        text = "\n".join(rows)
        lines = text.split("\n")
        if lines and not lines[-1]:
            lines.pop()
        text = "\n".join(lines)
    return text


def width(text):
    return max(len(line) for line in text.split("\n"))
