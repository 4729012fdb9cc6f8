# A function with yield returns a generator, which runs lazily.
def countdown(n):
    print("starting countdown")
    while n > 0:
        yield n
        n -= 1
    print("countdown done")

g = countdown(3)
print(type(g).__name__)
print(next(g))
print(next(g))
print(list(g))
try:
    next(g)
except StopIteration:
    print("StopIteration after the end")

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)

# send() passes a value in; the first send must be None.
def running_total():
    total = 0
    while True:
        got = yield total
        if got is None:
            break
        total += got

r = running_total()
print(r.send(None), r.send(5), r.send(10))
try:
    r.send(None)
except StopIteration:
    print("generator finished")

# return in a generator sets StopIteration.value.
def with_result():
    yield 1
    return "result"
gr = with_result()
next(gr)
try:
    next(gr)
except StopIteration as e:
    print("value:", e.value)

def squares(n):
    for i in range(n):
        yield i * i
print(sum(squares(10)), list(squares(4)))
print(list(zip(squares(3), "abc")))
