# Frames are reused from call to call: a function called again, or in turn
# with others, must start with its locals unbound, whatever ran in the same
# place before, and leave nothing behind.

def maybe(flag):
    if flag:
        x = "set"
    try:
        return x
    except UnboundLocalError as e:
        return "unbound: " + str(e)

def wide(a, b):
    c = a + b
    d = [c] * 3
    e = {"c": c}
    return sorted(locals())

def fails(n):
    t = (n, n + 1, n + 2, "left behind", 1 // (n - n))
    return t

def closure(v):
    def inner():
        return v * 2
    return inner

def deep(n):
    if n == 0:
        return maybe(False)
    return deep(n - 1)

def with_del(v):
    w = v
    del w
    try:
        return w
    except UnboundLocalError:
        return "deleted"

funcs = [maybe, wide, fails, closure, deep, with_del]

for i in range(6):
    print(i, maybe(i % 2 == 0))
    print(i, wide(i, 1))
    try:
        fails(i)
    except ZeroDivisionError as e:
        print(i, "fails:", e)
    print(i, maybe(False), closure(i)(), with_del(i))
    print(i, deep(i))

# more functions in turn than frames kept for reuse
def f1(a): return a + 1
def f2(a): b = a * 2; return b
def f3(a): return maybe(a > 2)
def f4(a):
    try:
        return q
    except NameError:
        return "f4 no q"
def f5(a): r = [a]; return r
def f6(a): return str(a)

total = []
for i in range(5):
    for f in (f1, f2, f3, f4, f5, f6):
        total.append(f(i))
print(total)

def counter():
    n = 0
    for k in range(3):
        n += k
    return n, sorted(locals())

print([counter() for _ in range(3)])

def rec_fail(n):
    if n == 0:
        raise ValueError("bottom")
    return rec_fail(n - 1)

for i in range(3):
    try:
        rec_fail(i + 2)
    except ValueError as e:
        print("rec_fail", i, e)
    print(maybe(False))
