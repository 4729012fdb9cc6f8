# Calls between Python functions: arguments, returns, exceptions that
# cross frames, finally blocks on the way out, and recursion.
import sys


def add(a, b=10, *rest, scale=1):
    return (a + b + sum(rest)) * scale


print(add(1), add(1, 2), add(1, 2, 3, 4), add(1, scale=3))


def counter():
    n = 0

    def bump(k):
        nonlocal n
        n += k
        return n
    return bump


bump = counter()
print(bump(1), bump(2), bump(3))


class Acc:
    def __init__(self):
        self.total = 0

    def add(self, k):
        self.total += k
        return self

    def get(self):
        return self.total


a = Acc()
print(a.add(1).add(2).add(3).get())
m = a.add
print(m(4).get())

trail = []


def inner(x):
    try:
        trail.append("inner try")
        return 10 // x
    finally:
        trail.append("inner finally")


def middle(x):
    try:
        return inner(x) + 1
    finally:
        trail.append("middle finally")


def outer(x):
    try:
        return middle(x)
    except ZeroDivisionError as e:
        trail.append("outer caught " + str(e))
        return -1


print(outer(2), outer(0))
print(trail)


def raiser():
    raise KeyError("k")


def chain():
    try:
        raiser()
    except KeyError as e:
        raise ValueError("from chain") from e


try:
    chain()
except ValueError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)


def context():
    try:
        raiser()
    except KeyError:
        return [][1]


try:
    context()
except IndexError as e:
    print("context", type(e.__context__).__name__)


def bad_args(a, b):
    return a + b


for call in (lambda: bad_args(1), lambda: bad_args(1, 2, 3), lambda: Acc().get(1), lambda: add()):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))


def forever(n):
    return forever(n + 1)


for _ in range(3):
    try:
        forever(0)
    except RecursionError as e:
        print("RecursionError:", e)
print(depth(500))
print(sys.getrecursionlimit())


def squares(n):
    for i in range(n):
        yield add(i, i, scale=i)


print(list(squares(5)), sum(depth(i) for i in range(10)))


def gen_fail():
    yield 1
    inner(0)


try:
    for v in gen_fail():
        print("got", v)
except ZeroDivisionError as e:
    print("gen_fail:", e)


class Base:
    def step(self, k):
        return k + 1


class Child(Base):
    def step(self, k):
        return super().step(k) * 2


class Grand(Child):
    def step(self, k):
        return Child.step(self, k) + 100


print(Grand().step(1), Child().step(1))


def returns_in_loop(items):
    for x in items:
        for y in items:
            if x * y == 6:
                return x, y
    return None


print(returns_in_loop([1, 2, 3]), returns_in_loop([1]))
print(bool(trail))
