# Default equality is identity; defining __eq__ removes the default __hash__.
class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, a is a)
s = {a, b, a}
print(len(s))

class ByValue:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, ByValue) and self.v == other.v
print(ByValue(1) == ByValue(1), ByValue(1) != ByValue(2), ByValue(1) == 1)
print(ByValue.__hash__)
try:
    hash(ByValue(1))
except TypeError as e:
    print("TypeError:", e)

class Hashable(ByValue):
    def __hash__(self):
        return hash(self.v)
print(len({Hashable(1), Hashable(1), Hashable(2)}))
print([ByValue(3)].count(ByValue(3)), ByValue(3) in [ByValue(3)])
class AlwaysEqual:
    def __eq__(self, other):
        return True
    __hash__ = object.__hash__
print(AlwaysEqual() == 5, 5 == AlwaysEqual(), AlwaysEqual() != 5)
