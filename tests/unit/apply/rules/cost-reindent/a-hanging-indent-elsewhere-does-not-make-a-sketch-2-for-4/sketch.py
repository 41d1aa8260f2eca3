# ... existing code ...
    total = 0
    for item in self.items:
        if item.active:
            total += item.price * item.qty
    return total
