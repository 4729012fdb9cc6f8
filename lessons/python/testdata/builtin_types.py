# Types and objects: isinstance, issubclass, type, hash, repr, callable, vars, dir.
class Shape:
    sides = 0
    def __init__(self):
        self.color = "red"
class Square(Shape):
    sides = 4

sq = Square()
print(isinstance(sq, Square), isinstance(sq, Shape), isinstance(sq, (int, str)))
print(isinstance(3, int), isinstance(3.0, int), isinstance(True, int), isinstance("s", str))
print(issubclass(Square, Shape), issubclass(bool, int), issubclass(int, object))
print(type(sq) is Square, type(3), type("x"), type([]), type(None), type(type))
print(type(3).__name__, type(3.5).__name__, type({}).__name__, type(len).__name__)
print(type(lambda: 0).__name__, type(sq.__init__).__name__, type(range(1)).__name__)
print(vars(sq), "sides" in dir(sq), "color" in dir(sq), "__init__" in dir(Shape))
print(hash(42), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)))
print(repr("quote's"), repr(1.0), repr([1, "2"]), ascii("é"))
print(callable(len), callable(sq), callable(Square))
Dyn = type("Dyn", (Shape,), {"sides": 9})
print(Dyn.__name__, Dyn.sides, Dyn().color, isinstance(Dyn(), Shape))
print(object(), "x") if False else print(type(object()).__name__)
o = object()
try:
    o.attr = 1
except AttributeError as e:
    print("AttributeError:", e)
print(isinstance(int, type), isinstance(Square, type), type(Square).__name__)
print(id(sq) == id(sq), id(sq) != id(Square()))
try:
    hash([])
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(3, 3)
except TypeError as e:
    print("TypeError:", e)
