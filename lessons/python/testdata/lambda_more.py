# lambda with defaults, *args, keyword-only parameters and closures.
f = lambda a, b=2, *rest, c=3, **kw: (a, b, rest, c, kw)
print(f(1), f(1, 5, 6, 7, c=8, d=9))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print({k: fn(6, 3) for k, fn in ops.items()})
counter = (lambda: (lambda n=[0]: n.append(1) or len(n)))()
print(counter(), counter(), counter())
print((lambda x: (lambda y: x + y))(10)(5))
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
print(sorted(["b", "A", "c"], key=lambda s: s.lower()), (lambda: "no args")())
