# __eq__ and __hash__: equal objects must hash equal to work as dict keys.
class Card:
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __eq__(self, other):
        if not isinstance(other, Card):
            return NotImplemented
        return (self.rank, self.suit) == (other.rank, other.suit)
    def __hash__(self):
        return hash((self.rank, self.suit))
    def __repr__(self):
        return f"{self.rank}{self.suit}"

a, b, c = Card(10, "h"), Card(10, "h"), Card(2, "s")
print(a == b, a is b, a != c, a == "10h")
print(len({a, b, c}), {a: 1}[b])
print(a in [c, b], [a, c].index(b), [a, b, c].count(a))

class NoHash:
    def __eq__(self, other):
        return True
print(NoHash() == 5, NoHash.__hash__ is None)
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)

class Identity:
    pass
x = Identity()
print(x == x, x == Identity(), hash(x) == hash(x))

class Ne:
    def __eq__(self, other):
        return "eq called"
    def __ne__(self, other):
        return "ne called"
print(Ne() == 1, Ne() != 1)
class Reflected:
    def __eq__(self, other):
        print("Reflected.__eq__ with", other)
        return True
print(1 == Reflected())
