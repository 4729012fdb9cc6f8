# yield from delegates to another iterable or generator and returns its result.
def inner():
    yield "a"
    yield "b"
    return "inner result"

def outer():
    result = yield from inner()
    print("inner returned", result)
    yield from range(3)
    yield from [10, 20]

print(list(outer()))

def flatten(items):
    for x in items:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x

print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))

def echo():
    while True:
        v = yield
        if v == "stop":
            return "stopped"
        print("echo:", v)

def relay():
    r = yield from echo()
    yield r

g = relay()
next(g)
g.send("hello")
g.send("world")
print(g.send("stop"))

def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    yield f"node{depth}"
    yield from tree(depth - 1)
    yield from tree(depth - 1)
print(list(tree(2)))
