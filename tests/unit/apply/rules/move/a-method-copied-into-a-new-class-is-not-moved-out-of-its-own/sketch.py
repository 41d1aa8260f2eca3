import math


class Square:
    def __init__(self, size):
        self.size = size

    def perimeter(self):
        return 4 * self.size


class Circle:
    # ... existing code ...
