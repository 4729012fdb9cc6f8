# What a child's copy of __main__ holds: classes with super() and class
# attributes, dataclasses, namedtuples, defaultdicts, closures, cyclic
# lists, held threading locks (the child's copy is a new, free lock),
# modules, and grandchildren named Process-1:1.
import multiprocessing as mp
import threading
import collections
import dataclasses
import functools
import math as m


class Base:
    kind = "base"

    def hello(self):
        return "hello from " + self.kind


class Child(Base):
    kind = "child"

    def hello(self):
        return super().hello() + "!"


@dataclasses.dataclass
class Point:
    x: int
    y: int = 0


Pair = collections.namedtuple("Pair", "a b")
counts = collections.defaultdict(int, {"a": 1})
loop = [1]
loop.append(loop)
lock = threading.Lock()
lock.acquire()
go = threading.Event()
waiter = threading.Thread(target=go.wait)
waiter.start()


def make_adder(n):
    def add(x):
        return x + n
    return add


add3 = make_adder(3)


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def grandchild():
    print("grandchild", mp.current_process().name, mp.parent_process().name)


def child():
    print(Child().hello(), Point(1), Pair(1, 2), dict(counts), loop[1] is loop)
    counts["b"] += 1
    print(add3(4), fib(20), m.sqrt(16), isinstance(Point(2), Point))
    print("the child's lock is free:", lock.acquire(False))
    print("the waiting thread is in the child:", waiter.is_alive(), go.is_set())
    waiter.join()
    g = mp.Process(target=grandchild)
    g.start()
    g.join()
    print(g.name, g.exitcode)


if __name__ == "__main__":
    p = mp.Process(target=child)
    p.start()
    p.join()
    print(p.exitcode, dict(counts), lock.locked(), waiter.is_alive())
    go.set()
    waiter.join()
