# collections.namedtuple makes small record classes.
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x, p.y, p[0], len(p), tuple(p))
print(p._asdict(), p._replace(x=10), Point._fields)
x, y = p
print(x + y, p == (3, 4), isinstance(p, tuple))
Color = namedtuple("Color", "red green blue")
print(Color(255, 128, 0), Color._make([1, 2, 3]))
Person = namedtuple("Person", "name age", defaults=[0])
print(Person("Ada"), Person("Bob", 7))
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
class Vec(namedtuple("Vec", "a b")):
    def norm1(self):
        return abs(self.a) + abs(self.b)
print(Vec(-1, 2).norm1(), Vec(1, 2))
