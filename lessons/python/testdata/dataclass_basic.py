# dataclasses: @dataclass writes __init__, __repr__ and __eq__ from the fields.
from dataclasses import dataclass, field

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
q = Point(1)
print(p, q, p == Point(1, 2), p != q)
p.x = 10
print(p.x, repr(p))

@dataclass
class Inventory:
    owner: str
    items: list = field(default_factory=list)
    count: int = 0

a = Inventory("ann")
b = Inventory("bob")
a.items.append("sword")
print(a, b)

@dataclass(frozen=True)
class Money:
    amount: int
    currency: str = "EUR"

m = Money(5)
print(m, hash(m) == hash(Money(5)), {m: 1}[Money(5)])
try:
    m.amount = 7
except Exception as e:
    print(type(e).__name__, e)

@dataclass(order=True)
class Version:
    major: int
    minor: int
print(sorted([Version(1, 5), Version(0, 9), Version(1, 0)]))
print(Version(1, 0) < Version(1, 1))

@dataclass
class Rect:
    w: float
    h: float
    def area(self):
        return self.w * self.h
    def __post_init__(self):
        print("created", self.w, "x", self.h)
r = Rect(2, 3.5)
print(r.area())
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
@dataclass
class Child(Point):
    z: int = 5
print(Child(1, 2, 3), Child(7))
from dataclasses import asdict, fields
print(asdict(Child(1)), [f.name for f in fields(Child)])
