# Globals read and written by the same instructions again and again while
# the bindings change under them: deleted and made again, shadowing a
# builtin and unshadowing it, changed through globals(), and code run
# against another namespace.

def read_x():
    return x

def write_x(v):
    global x
    x = v

def length(s):
    return len(s)

for round in range(3):
    write_x(round)
    print("x", read_x())
    del x
    try:
        read_x()
    except NameError as e:
        print("after del:", e)
    globals()["x"] = round * 10
    print("via globals()", read_x())
    write_x(round + 100)
    print("globals() sees", globals()["x"])
    globals().pop("x")
    print("popped:", "x" in globals())
    write_x("again")
    print(read_x())

for round in range(2):
    print("len", length("abc"))
    len = lambda s: -1
    print("shadowed", length("abc"))
    del len
    print("builtin again", length("abc"))

ns = {"x": "from ns"}
exec("def g():\n    return x\nprint(g())", ns)
exec("x = 'changed'\nprint(g())", ns)
print(read_x(), ns["x"])

counter = 0
def bump():
    global counter
    for i in range(2000):
        counter = counter + i
bump()
bump()
print(counter, dict(globals())["counter"] == counter)
snapshot = dict(globals())
write_x(12345678901234567890)
print(snapshot["x"], x)
print(sorted(k for k in globals() if not k.startswith("__"))[:6])
