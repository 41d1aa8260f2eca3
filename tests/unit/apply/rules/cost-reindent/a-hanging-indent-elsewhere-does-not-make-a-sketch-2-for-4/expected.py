class Cart:
    def __init__(
            self, items=None, currency="EUR"):
        self.items = items or []
        self.currency = currency

    def total(self):
        total = 0
        for item in self.items:
            if item.active:
                total += item.price * item.qty
        return total
