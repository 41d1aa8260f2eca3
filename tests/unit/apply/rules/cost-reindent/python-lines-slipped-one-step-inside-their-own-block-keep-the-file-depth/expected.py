def load(path):
    with open(path) as handle:
        text = handle.read()
        rows = text.split("\n")
        rows = [row for row in rows if row]
        rows.sort()
    return rows
