# Alternative constructors, class registries and inherited class methods.
class Shape:
    registry = {}
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Shape.registry[cls.__name__.lower()] = cls
    @classmethod
    def create(cls, kind, *args):
        return cls.registry[kind](*args)
    @classmethod
    def describe(cls):
        return f"I am {cls.__name__}"

class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2

class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    @classmethod
    def square(cls, side):
        return cls(side, side)

print(sorted(Shape.registry))
shapes = [Shape.create("square", 3), Shape.create("rect", 2, 5), Rect.square(4)]
print([s.area() for s in shapes], [type(s).__name__ for s in shapes])
print(Square.describe(), Rect.describe(), shapes[0].describe())
class Temperature:
    def __init__(self, c):
        self.c = c
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
    @staticmethod
    def valid(c):
        return c >= -273.15
print(Temperature.from_f(212).c, Temperature.valid(-300), Temperature(1).valid(5))
