# functools: building new functions from old ones.
from functools import partial, reduce, wraps, lru_cache

def log(prefix, message, *, level="info"):
    return f"[{level}] {prefix}: {message}"
warn = partial(log, level="warn")
db = partial(log, "db")
print(warn("net", "slow"), db("connected"), db("lost", level="error"))
print(partial(max, default=0)([]), partial(sorted, key=len)(["ccc", "a", "bb"]))
print(reduce(lambda acc, x: acc * 10 + x, [1, 2, 3, 4]))
print(reduce(lambda a, b: a if a > b else b, [3, 9, 2, 7]))
print(reduce(lambda d, kv: {**d, kv[0]: kv[1]}, [("a", 1), ("b", 2)], {}))

def timed(label):
    def deco(fn):
        @wraps(fn)
        def inner(*a, **k):
            result = fn(*a, **k)
            print(f"{label}: {fn.__name__}{a} -> {result}")
            return result
        return inner
    return deco

@timed("calc")
def area(w, h):
    "Rectangle area."
    return w * h
area(3, 4)
print(area.__name__, area.__doc__)

@lru_cache(maxsize=None)
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)
print(paths(16, 16), paths.cache_info().currsize)
@lru_cache(maxsize=3)
def sq(x):
    print("computing", x)
    return x * x
print([sq(i) for i in [1, 2, 1, 3, 4, 1]])
print(sq.cache_info())
