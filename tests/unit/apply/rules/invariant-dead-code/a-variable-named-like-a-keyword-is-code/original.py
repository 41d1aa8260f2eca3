def label(node):
    kind = node.kind
    type = KINDS.get(kind, "unknown")
    return f"{kind}:{type}"
