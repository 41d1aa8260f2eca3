# ... existing code ...
def git(*args):
    try:
        out = run(["git", *args])
        return out.splitlines()
    except RuntimeError:
        return []
