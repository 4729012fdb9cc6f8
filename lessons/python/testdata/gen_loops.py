# Generators driven by for loops: values, the end, exceptions that leave
# them, and generators resumed from inside the loop that runs them.


def count(n):
    for i in range(n):
        yield i
    return "done"


print([x * 2 for x in count(4)], sum(x for x in count(5) if x % 2))

g = count(6)
for x in g:
    print("loop", x, "next", next(g, None))
print(list(g), next(g, "exhausted"))

g = count(5)
for x in g:
    if x == 2:
        break
print("after break", list(g))


def fails(n):
    yield 1
    if n:
        raise ValueError("bad %d" % n)
    yield 2


try:
    for x in fails(3):
        print("got", x)
except ValueError as e:
    print("caught", e)

g = fails(1)
try:
    for x in g:
        pass
except ValueError:
    print("next after failure:", next(g, "finished"))


def stops():
    yield 1
    raise StopIteration("inner")


try:
    for x in stops():
        print("stops", x)
except RuntimeError as e:
    print("RuntimeError:", e)


def guarded():
    try:
        yield "a"
        yield "b"
    finally:
        print("guarded finally")


for x in guarded():
    print(x)


def handled_inside():
    for i in range(3):
        try:
            if i == 1:
                raise KeyError(i)
            yield i
        except KeyError as e:
            yield "handled %s" % e


print(list(handled_inside()))

try:
    raise TypeError("outer")
except TypeError:
    for x in handled_inside():
        pass
    try:
        raise IndexError("after loop")
    except IndexError as e:
        print("context", type(e.__context__).__name__)


def me_loop():
    for x in me:
        yield x


me = me_loop()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


def walk(n):
    if n:
        yield n
        for x in walk(n - 1):
            yield x


print(sum(walk(300)))


def deep(n):
    yield from deep(n + 1)
    yield n


try:
    for x in deep(0):
        pass
except RecursionError as e:
    print("RecursionError:", e)


def deep_for(n):
    for x in deep_for(n + 1):
        yield x
    yield n


for _ in range(2):
    try:
        for x in deep_for(0):
            pass
    except RecursionError as e:
        print("RecursionError:", e)
print(sum(walk(300)))


def delegate():
    r = yield from count(3)
    yield r


print(list(delegate()))


def pairs():
    yield from zip(count(3), count(3))


total = 0
for a, b in pairs():
    total += a + b
print(total)


def nested():
    for i in count(3):
        for j in count(i):
            yield i, j


print(list(nested()))
