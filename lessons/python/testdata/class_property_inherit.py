# Properties are inherited and can be overridden.
class Base:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, x):
        self._v = x
    @property
    def label(self):
        return "base"

class Child(Base):
    @property
    def label(self):
        return "child of " + super().label
    @Base.v.setter
    def v(self, x):
        print("Child setter", x)
        Base.v.fset(self, x * 2)

c = Child()
print(c.v, c.label)
c.v = 5
print(c.v)
b = Base()
b.v = 5
print(b.v, isinstance(Child.label, property), Child.v.fget is Base.v.fget)
