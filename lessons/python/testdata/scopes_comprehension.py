# Comprehension scopes: the first iterable runs in the enclosing scope.
def f():
    n = 3
    return [i * n for i in range(n)]
print(f())

def g():
    xs = [1, 2, 3]
    return {x: [y for y in xs if y != x] for x in xs}
print(g())

class C:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]  # items is read in the class scope (first iterable)
print(C.doubled)

def closures():
    return [lambda: i for i in range(3)]
print([fn() for fn in closures()])
i = "outer i"
squares = [i * i for i in range(4)]
print(i, squares)
gen = (i for i in range(3))
print(sum(gen), i)
nested = [[i + j for j in range(i)] for i in range(4)]
print(nested)
print({k: v for k, v in zip("abc", range(3)) if v})
