# More dunders: __getattr__, __setattr__, __bool__, __len__, __index__, __class__.
class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        return f"computed {name}"

z = Lazy()
print(z.real, z.anything, getattr(z, "other"))

class Frozen:
    def __init__(self):
        object.__setattr__(self, "value", 42)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}")
f = Frozen()
print(f.value)
try:
    f.value = 1
except AttributeError as e:
    print("AttributeError:", e)

class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], "abcd"[Idx()], bin(Idx()))

class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __bool__(self):
        return any(self.items)
print(len(Bag(0, 0)), bool(Bag(0, 0)), bool(Bag(0, 1)))
class Neg:
    def __len__(self):
        return -1
try:
    len(Neg())
except ValueError as e:
    print("ValueError:", e)

class Base:
    def __init_subclass__(cls, **kw):
        print("subclass created:", cls.__name__)
class Child(Base):
    pass
print(Child.__name__, Child().__class__.__name__)
class Slots:
    __slots__ = ("a",)
s = Slots()
s.a = 1
print(s.a)
class D:
    def __dir__(self):
        return ["b", "a"]
print(dir(D()))
