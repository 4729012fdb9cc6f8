# super() and object: cooperative methods along the MRO.
class Base:
    def __init__(self):
        print("Base.__init__")
        self.trail = ["Base"]
    def hello(self):
        return "Base.hello"

class Left(Base):
    def __init__(self):
        print("Left.__init__")
        super().__init__()
        self.trail.append("Left")
    def hello(self):
        return "Left>" + super().hello()

class Right(Base):
    def __init__(self):
        print("Right.__init__")
        super().__init__()
        self.trail.append("Right")
    def hello(self):
        return "Right>" + super().hello()

class Both(Left, Right):
    def __init__(self):
        print("Both.__init__")
        super().__init__()
        self.trail.append("Both")
    def hello(self):
        return "Both>" + super().hello()

b = Both()
print(b.trail, b.hello())
print(super(Left, b).hello(), super(Both, b).hello())
class S(str):
    def shout(self):
        return self.upper() + "!"
print(S("hi").shout(), isinstance(S("x"), str), S("ab") + "c", len(S("abc")))
class L(list):
    def append(self, x):
        super().append(x * 10)
l = L([1])
l.append(2)
print(l, type(l).__name__)
class Dct(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, str(v))
d = Dct()
d["a"] = 1
print(d)
print(object.__name__, isinstance(b, object), issubclass(Both, object))
