# Defining all comparisons from __eq__ and __lt__ by hand.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, o):
        return self.cents == o.cents
    def __lt__(self, o):
        return self.cents < o.cents
    def __le__(self, o):
        return self < o or self == o
    def __gt__(self, o):
        return not self <= o
    def __ge__(self, o):
        return not self < o
    def __hash__(self):
        return hash(self.cents)
    def __repr__(self):
        return f"${self.cents / 100:.2f}"
a, b, c = Money(150), Money(99), Money(150)
print(a == c, a != b, a < b, a <= c, a > b, a >= c, b >= a)
print(sorted([a, b, c, Money(1)]), max(a, b), min([a, b]), len({a, b, c}))
