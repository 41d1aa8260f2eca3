# ... existing code ...

def b():
    return 2
