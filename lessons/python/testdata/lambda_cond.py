# lambda makes a small anonymous function; a conditional expression picks a value.
square = lambda x: x * x
print(square(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda *a: sum(a))(1, 2, 3))
print((lambda **k: sorted(k))(b=1, a=2))

sign = lambda n: "positive" if n > 0 else "negative" if n < 0 else "zero"
for n in (-3, 0, 5):
    print(n, sign(n))

pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: -p[0]))
print(list(map(lambda x: x + 1, [1, 2, 3])))
print(list(filter(lambda x: x % 2, range(10))))

# Closures in lambdas capture the variable, not the value.
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
print((lambda: None)())
print(square.__name__)
x = 5
print("big" if x > 3 else "small", "even" if x % 2 == 0 else "odd")
