# A namedtuple is immutable.
from collections import namedtuple
Pt = namedtuple("Pt", "x y")
p = Pt(1, 2)
print(p.x + p.y)
p.x = 10
