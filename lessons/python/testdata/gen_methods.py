# Generators have close() and throw(); finally blocks run on close.
def worker():
    try:
        while True:
            try:
                x = yield
                print("processing", x)
            except ValueError as e:
                print("worker caught", e)
    finally:
        print("worker cleaning up")

w = worker()
next(w)
w.send(1)
w.throw(ValueError("bad input"))
w.send(2)
w.close()
print("closed")

def limited():
    yield 1
    yield 2

g = limited()
print(next(g))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("throw propagated:", repr(e))
print(list(g))

def gen_expr_lazy():
    print("generator body started")
    yield 1
lazy = gen_expr_lazy()
print("created, not started")
print(next(lazy))

# A generator expression binds its first iterable immediately.
xs = [1, 2, 3]
ge = (x * 10 for x in xs)
xs = [7]
print(list(ge))
def g2():
    yield 1
gen = g2()
print(iter(gen) is gen)
print(next(gen), next(gen, "default"))
