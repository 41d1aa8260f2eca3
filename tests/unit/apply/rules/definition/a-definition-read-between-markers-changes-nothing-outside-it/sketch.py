def load(path):
    # ... existing code ...
    with open(path, "w") as f:
        f.write(text.strip())
