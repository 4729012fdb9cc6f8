# Starred unpacking in assignments, calls and literals.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a, *mid, b = range(6)
print(a, mid, b)
x, *empty, y = (1, 2)
print(x, empty, y)
(p, q), *others = [(1, 2), 3, 4]
print(p, q, others)

print([*range(3), *"ab", 9])
print((*[1, 2], 3))
print({*[1, 2], *[2, 3]})
print({**{"a": 1}, "b": 2, **{"a": 3}})
print(*[1, 2, 3], sep=", ")

def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), **{"k": 1}, **{"j": 2}))

a, b = b, a
print(a, b)
m, n, o = "xyz"
print(m, n, o)
[u, v] = [10, 20]
print(u + v)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
i = j = k = 0
print(i, j, k)
