# ... existing code ...
def read_config(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        text = f.read()
    return text.splitlines()
# ... existing code ...
