import math


class Circle:
    def __init__(self, size):
        self.size = size

    def area(self):
        return math.pi * self.size ** 2

    def __repr__(self):
        return f"{type(self).__name__}({self.size})"
