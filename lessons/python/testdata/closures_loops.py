# Closures made in loops: late binding, and three ways to bind early.
fns = []
for i in range(3):
    fns.append(lambda: i)
print([f() for f in fns])
fns = [lambda i=i: i for i in range(3)]
print([f() for f in fns])
def make(i):
    return lambda: i
fns = [make(i) for i in range(3)]
print([f() for f in fns])
from functools import partial
fns = [partial(lambda i: i, i) for i in range(3)]
print([f() for f in fns])
def counters():
    out = {}
    for name in ["a", "b"]:
        count = 0
        def bump(step=1, name=name):
            nonlocal count
            count += step
            return name, count
        out[name] = bump
    return out
c = counters()
print(c["a"](), c["b"](), c["a"](5))
