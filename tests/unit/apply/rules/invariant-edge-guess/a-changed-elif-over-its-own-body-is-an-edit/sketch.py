# ... existing code ...
    elif score >= 75:
        return "C"
    return "F"
