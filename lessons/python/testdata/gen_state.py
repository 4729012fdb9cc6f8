# Generator state: locals survive between next() calls; gi_running and friends.
def counter(start):
    n = start
    while True:
        cmd = yield n
        if cmd == "reset":
            n = start
        elif cmd == "stop":
            return f"stopped at {n}"
        else:
            n += 1

c = counter(10)
print(next(c), next(c), next(c))
print(c.send("reset"), next(c))
try:
    c.send("stop")
except StopIteration as e:
    print("returned:", e.value)
print(list(c))

def squares():
    for i in range(3):
        yield i * i
s = squares()
print(list(s), list(s))
def inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner finally")
def outer():
    yield from inner()
    yield 3
o = outer()
print(next(o))
o.close()
print("after close")
def empty():
    return
    yield
print(list(empty()))
gexp = (x for x in [])
print(next(gexp, "nothing"))
