# __repr__ is for developers, __str__ for users; print uses str, containers use repr.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
    def __str__(self):
        return f"({self.x}, {self.y})"

p = Point(1, 2)
print(p)
print(repr(p), str(p), [p], {"p": p}, (p,))
print(f"{p} {p!r}")
print("%s %r" % (p, p))

class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
print(OnlyRepr(), str(OnlyRepr()))

class Plain:
    pass
print(str(Plain()).startswith("<__main__.Plain object at 0x"))

class Fmt:
    def __format__(self, spec):
        return "formatted with " + repr(spec)
print(format(Fmt(), "xyz"), f"{Fmt():abc}", "{:q}".format(Fmt()))
print(Point("a", None))
