def render(rows, header=None):
    """Rows as tab-separated text.

    For example:
	city	people
	Oslo	709000
    """
    out = []
    if header:
        out.append("\t".join(header))
    for row in rows:
        out.append("\t".join(row))
    return "\n".join(out)
