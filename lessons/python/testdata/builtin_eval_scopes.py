# eval and exec see the namespaces they are given, or the caller's: a
# function's locals (through its locals() dict), a class body's
# namespace, a module's globals.
x = "global x"


def reads_locals():
    i = 3
    print(eval("i + 1"))
    exec("print('exec sees', i, x)")
    for k in range(2):
        print(eval("k * 10"))
    print(eval("[j * 2 for j in range(i)]"))


def assigns_are_not_locals():
    i = 1
    exec("i = 10")
    print("i stays", i)
    exec("fresh = i + 1")
    print("fresh in locals():", locals()["fresh"])
    print("eval sees fresh:", eval("fresh"))
    print("locals() is locals():", locals() is locals())


def closures():
    a = 5
    def inner():
        return eval("a")  # a is not a free variable of inner
    def inner2():
        a
        return eval("a * 2")
    try:
        inner()
    except NameError as e:
        print("inner:", type(e).__name__, e)
    print("inner2:", inner2())


def unbound_later():
    try:
        print(eval("late"))
    except NameError as e:
        print(type(e).__name__, e)
    late = 1
    print(eval("late"))
    del late
    try:
        eval("late")
    except NameError as e:
        print("after del:", e)


def exec_defines_function():
    n = 7
    exec("def f():\n    return x\nprint(f())")
    try:
        exec("def g():\n    return n\ng()")
    except NameError as e:
        print("g:", e)


class Body:
    k = 2
    doubled = eval("k * 2")
    exec("tripled = k * 3")


print(Body.doubled, Body.tripled)

reads_locals()
assigns_are_not_locals()
closures()
unbound_later()
exec_defines_function()

# At module level the locals are the globals.
exec("made_here = x + '!'")
print(made_here)
print(eval("made_here"))

# exec with separate dicts: assignments go to the locals dict, reads look
# in the locals, then the globals, then the builtins.
g = {"a": 1, "shadow": "from g"}
l = {"shadow": "from l"}
exec("b = a + 1\nc = shadow\nd = len('xyz')\nimport math\n", g, l)
print(sorted(k for k in g if k != "__builtins__"), sorted(l))
print(l["b"], l["c"], l["d"], l["math"].pi > 3)
exec("global a\na = 100\ndel shadow", g, l)
print(g["a"], sorted(l))
exec("def h():\n    return a\nresult = h()", g, l)
print(l["result"], "h" in l, "h" in g)
try:
    exec("def h2():\n    return b\nh2()", g, l)
except NameError as e:
    print("h2:", e)
exec("'''a docstring'''\nclass K:\n    attr = 5\n", g, l)
print(l["__doc__"], l["K"].attr, "__doc__" in g)
exec("sq = [i * 2 for i in range(b)]", g, l)
print(l["sq"])
exec("ann: int = 3", g, l)
print(l["__annotations__"], l["ann"])
try:
    exec("del nothing_here", g, l)
except NameError as e:
    print(e)

print(eval("a + b", g, l))
print(eval("x", None, {"x": "given"}))
print(eval("x", {"x": "only g"}))
print(eval("x", {"x": "g"}, {}))
same = {"v": 1}
exec("w = v + 1", same, same)
print(same["w"])


class Sub(dict):
    pass


s = Sub(z=9)
exec("y = z + 1", {}, s)
print(s["y"])

for bad in [lambda: exec("1", {}, 5), lambda: eval("1", {}, 5), lambda: eval("1", 5), lambda: exec("1", 5)]:
    try:
        bad()
    except TypeError as e:
        print(e)
