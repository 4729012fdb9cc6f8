# exec and eval take any mapping as their locals: the code's names go
# through its __getitem__, __setitem__ and __delitem__, and a name the
# mapping lacks (a KeyError) is looked up in the globals, then builtins.
class Recording:
    def __init__(self):
        self.data = {}
        self.log = []

    def __getitem__(self, key):
        self.log.append("get " + key)
        return self.data[key]

    def __setitem__(self, key, value):
        self.log.append("set " + key)
        self.data[key] = value

    def __delitem__(self, key):
        self.log.append("del " + key)
        del self.data[key]

    def keys(self):
        self.log.append("keys")
        return self.data.keys()

ns = Recording()
g = {"base": 100}
exec("a = 1\nb = a + base\nc: int = 3\ndel a\nnames = dir()\nmine = locals()", g, ns)
print(sorted(k for k in ns.data if k != "__annotations__"), ns.data["b"], ns.data["__annotations__"])
print(ns.log)
print(ns.data["names"], ns.data["mine"] is ns)
print(eval("b * 2 + len(str(base))", g, ns))

try:
    exec("del nothing_here", g, ns)
except NameError as e:
    print("NameError:", e)

try:
    exec("print(missing_name)", g, ns)
except NameError as e:
    print("NameError:", e)

class Failing(Recording):
    def __getitem__(self, key):
        raise RuntimeError("cannot read " + key)

try:
    exec("x = 1\nprint(x)", {}, Failing())
except RuntimeError as e:
    print("RuntimeError:", e)

import collections
counts = collections.Counter()
exec("seen = 1", {}, counts)
print(counts)

for bad in (5, [1]):
    try:
        exec("z = 1", {}, bad)
    except TypeError as e:
        print("TypeError:", e)
