a or b or c
a and b or c and d
not a
not not a
a < b <= c == d != e > f >= g
a in b, a not in b, a is b, a is not b
a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
-a, +a, ~a, -a ** -b, a ** b ** c
(a + b) * c
a if b else c if d else e
lambda: 0
lambda x, y=1, *a, z, **k: x
lambda *, a: a
lambda a, /, b: a
(x := 5)
[y := f(x), y ** 2]
f(a, *b, c=1, **d)
f(*a, *b, **c, **d)
f(a)(b)[c].d
f(x for x in y)
f(x for x in y if x if not x)
x[1]
x[1:2]
x[1:2:3]
x[::2]
x[:]
x[a, b]
x[1:2, ::3]
x[*a]
x[a:=1]
[1, 2, *a]
[]
()
(1,)
1,
{}
{1: 2, **a, 3: 4}
{1, 2, *a}
[x for x in y]
[x for x in y for y in z if y]
{x for x in y}
{k: v for k, v in items}
(x for x in y)
[(a, b) for a in x for b in y if a != b]
[[x for x in row] for row in matrix]
a.b.c
a[b][c]
...
None, True, False
*a, b = c
print(*a, sep='')
def gen1():
    x = yield
    x = yield 1
    x = yield from g
    x = (yield)
await_ = 1
def gen():
    x = yield
    y = yield x, 2
    z = await_
(a)
((a, b))
[*a, *b]
{**a, **b}
