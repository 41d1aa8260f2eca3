# ... existing code ...
def g():
    a = 1
    c = 3
    return a
