# A built-in iterator advanced again from inside its own step (a map
# function that calls next() on the map) runs the inner step, as CPython
# does; only a generator re-entered says "already executing".
import itertools


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


def map_next():
    it = None
    def fn(x):
        return next(it)
    it = map(fn, [1, 2, 3, 4])
    return list(it)


def map_next_default():
    it = None
    def fn(x):
        return (x, next(it, "end"))
    it = map(fn, [1, 2, 3, 4, 5])
    return list(it)


def map_next_twice():
    it = None
    seen = []
    def fn(x):
        seen.append(x)
        if x == 1:
            return [next(it), next(it)]
        return x * 10
    it = map(fn, range(1, 6))
    return list(it), seen


def filter_next():
    it = None
    def keep(x):
        return x % 2 == 0 or next(it, None) is None
    it = filter(keep, range(8))
    return list(it)


def filterfalse_next():
    it = None
    def drop(x):
        if x == 2:
            return next(it) > 100
        return x % 3 == 0
    it = itertools.filterfalse(drop, range(10))
    return list(it)


def starmap_next():
    it = None
    def fn(a, b):
        if a == 0:
            return ("inner", next(it))
        return a + b
    it = itertools.starmap(fn, [(0, 1), (2, 3), (4, 5)])
    return list(it)


class Source:
    """An iterator that, at its second step, advances the iterator given."""
    def __init__(self, n):
        self.i = 0
        self.n = n
        self.outer = None
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > self.n:
            raise StopIteration
        if self.i == 2:
            return ("via", next(self.outer))
        return self.i


def zip_next():
    s = Source(4)
    s.outer = zip(s, "abcdef")
    return list(s.outer)


def zip_strict_next():
    s = Source(3)
    s.outer = zip(s, "abc", strict=True)
    return list(s.outer)


def enumerate_next():
    s = Source(5)
    s.outer = enumerate(s, 10)
    return list(s.outer)


def callable_iter_next():
    calls = [0]
    it = None
    def f():
        calls[0] += 1
        if calls[0] == 2:
            return ("inner", next(it))
        return calls[0]
    it = iter(f, 6)
    return list(it)


def stop_in_map_function():
    # A StopIteration out of the function ends a loop over the map but
    # does not exhaust it; next() passes the StopIteration on as it is.
    def fn(x):
        if x == 2:
            raise StopIteration("at two")
        return x
    it = map(fn, [1, 2, 3])
    first = list(it)
    rest = list(it)
    it = map(fn, [2, 3])
    try:
        next(it)
    except StopIteration as e:
        stopped = e.args
    return first, rest, stopped, next(it)


def for_over_map():
    out = []
    it = None
    def fn(x):
        return next(it, -x)
    it = map(fn, [1, 2, 3])
    for v in it:
        out.append(v)
    return out


def generator_reentered():
    def g():
        yield next(gi)
    gi = g()
    return next(gi)


def generator_in_map():
    def g():
        yield 1
        yield next(m)
    gi = g()
    m = map(lambda x: next(gi), [1, 2, 3])
    return list(m)


show("map", map_next)
show("map default", map_next_default)
show("map twice", map_next_twice)
show("filter", filter_next)
show("filterfalse", filterfalse_next)
show("starmap", starmap_next)
show("zip", zip_next)
show("zip strict", zip_strict_next)
show("enumerate", enumerate_next)
show("callable iterator", callable_iter_next)
show("stop in map", stop_in_map_function)
show("for over map", for_over_map)
show("generator", generator_reentered)
show("generator in map", generator_in_map)
