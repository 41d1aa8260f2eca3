def render(rows):
    """Rows as tab-separated text.

    For example:
	city	people
	Oslo	709000
    """
    out = []
    for row in rows:
        out.append("\t".join(row))
    return "\n".join(out)
