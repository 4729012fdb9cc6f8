# Fibonacci four ways, all agreeing.
from functools import lru_cache
def fib_loop(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
def fib_rec(n):
    return n if n < 2 else fib_rec(n - 1) + fib_rec(n - 2)
@lru_cache(None)
def fib_memo(n):
    return n if n < 2 else fib_memo(n - 1) + fib_memo(n - 2)
def fib_gen(n):
    a, b = 0, 1
    for _ in range(n):
        yield a
        a, b = b, a + b
print([fib_loop(i) for i in range(15)])
print([fib_rec(i) for i in range(15)] == [fib_memo(i) for i in range(15)] == list(fib_gen(15)))
print(fib_loop(200), fib_memo(200) == fib_loop(200))
