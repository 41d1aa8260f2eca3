def label(node):
    kind = node.kind
    return kind.upper()
    # ... existing code ...
