# Instance dicts, class dicts, and attributes added at run time.
class Thing:
    kind = "thing"
    def __init__(self, name):
        self.name = name

t = Thing("a")
print(t.__dict__, "kind" in Thing.__dict__, "name" in Thing.__dict__)
t.color = "red"
print(sorted(t.__dict__))
t.__dict__["size"] = 5
print(t.size)
Thing.shared = []
u = Thing("b")
u.shared.append("x")
print(t.shared, u.shared, t.shared is u.shared)
t.shared = ["own"]
print(t.shared, u.shared)
del t.shared
print(t.shared)
print(getattr(t, "kind"), type(t).kind)
Thing.kind = "changed"
print(t.kind, u.kind)
def method(self):
    return "late method on " + self.name
Thing.late = method
print(t.late(), u.late())
print(Thing.__name__, Thing.__module__, Thing.__qualname__)
print(type(t.__init__).__name__, type(Thing.__init__).__name__)
print(t.__init__.__self__ is t, Thing.__init__.__name__)
