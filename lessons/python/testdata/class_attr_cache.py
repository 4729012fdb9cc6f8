# Attribute reads at one instruction on several classes, while classes
# and their bases change: every read sees the current attribute.
class Base:
    k = 1
    def who(self):
        return "base"
    @staticmethod
    def s():
        return "static"
    @classmethod
    def c(cls):
        return cls.__name__

class A(Base):
    def who(self):
        return "a:" + super().who()

class B(Base):
    k = 2

class C(B):
    def who(self):
        return "c:" + super().who()

def read(cls):
    return cls.k, cls.s(), cls.c(), cls.who

objs = [A(), B(), C(), A(), C(), B()]
for round in range(3):
    print([o.who() for o in objs], [o.k for o in objs])
    print([read(type(o))[:3] for o in objs])
    if round == 0:
        Base.k = 10
        Base.who = lambda self: "patched"
    elif round == 1:
        del B.k
        C.k = 30
        objs[0].k = "own"
        objs[1].who = lambda: "instance"
for cls in (A, B, C):
    print(cls.k, cls.__name__)
del Base.k
try:
    print(A.k)
except AttributeError as e:
    print("AttributeError", e)
print(read(C)[:3])
