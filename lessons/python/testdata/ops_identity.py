# is versus ==: identity against equality.
a = [1, 2]
b = a
c = [1, 2]
print(a == b, a is b, a == c, a is c, a is not c)
print(None is None, type(None) is type(None))
x = ()
y = ()
print(x == y)
print(True is True, (1 == 1) is True)
d = {}
print(d.get("k") is None)
def f():
    pass
print(f() is None)
class Singleton:
    _instance = None
    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance
print(Singleton() is Singleton())
s1 = "".join(["a", "b"])
print(s1 == "ab")
print([] is [], [] == [])
