def load(path):
    if not path:
        return None
    return parse_file(path)
    # ... existing code ...


def parse(text):
    return text.split()
