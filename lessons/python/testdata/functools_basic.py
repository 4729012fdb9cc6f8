# functools: partial, reduce, wraps, lru_cache.
from functools import partial, reduce, wraps, lru_cache
import functools

def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
two_to = partial(power, 2)
print(square(9), two_to(10), square.func is power, square.keywords, two_to.args)
int2 = partial(int, base=2)
print(int2("1011"))

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10))
print(reduce(max, [3, 9, 2]), reduce(lambda acc, s: acc + s.upper(), "abc", ""))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)

def traced(fn):
    @wraps(fn)
    def wrapper(*args):
        print("calling", fn.__name__, args)
        return fn(*args)
    return wrapper

@traced
def add(a, b):
    """Add two numbers."""
    return a + b
print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__.__name__)

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100))
print(fib.cache_info())

calls = []
@lru_cache(maxsize=2)
def slow(x):
    calls.append(x)
    return x * 10
for v in [1, 2, 1, 3, 1, 2]:
    slow(v)
print(calls, slow.cache_info())
slow.cache_clear()
print(slow.cache_info())

@functools.lru_cache
def plain(x):
    return -x
print(plain(4), plain(4), plain.cache_info().hits)
