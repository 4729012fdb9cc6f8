# isinstance and issubclass with tuples, bool and user classes.
class Shape: pass
class Circle(Shape): pass
class Square(Shape): pass
class Unit(Circle, Square): pass
shapes = [Circle(), Square(), Unit(), Shape()]
for s in shapes:
    print(type(s).__name__, isinstance(s, Circle), isinstance(s, (Square, int)), isinstance(s, object))
print(issubclass(Unit, Circle), issubclass(Unit, (int, Square)), issubclass(Circle, Circle))
print(isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)))
print(isinstance([], list), isinstance((), list), isinstance({}, dict), isinstance(set(), (set, frozenset)))
print(isinstance("s", str), isinstance(b"s", bytes), isinstance(None, type(None)))
print(isinstance(len, object), isinstance(Shape, type), issubclass(type, object), issubclass(bool, (str, int)))
print(type(Unit()) is Unit, type(Unit()) == Circle)
try:
    issubclass(Unit(), Shape)
except TypeError as e:
    print("TypeError:", e)
