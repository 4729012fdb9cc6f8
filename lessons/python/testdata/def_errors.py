# The messages CPython gives when a call does not match the signature.
def f(a, b):
    return a + b

def g(a, *, key):
    return a

tests = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, c=3),
    lambda: f(1, a=1),
    lambda: g(1),
    lambda: g(1, 2, key=3),
    lambda: f(),
    lambda: len(),
    lambda: len([], []),
    lambda: int("x", "y", "z"),
]
for t in tests:
    try:
        t()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
