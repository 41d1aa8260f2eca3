def main():
    # ... existing code ...
        return 2
    with open(args[0]) as handle:
        print(handle.read())
    return 0
