# A generator's return value reaches yield from, and StopIteration.value.
def count_to(n):
    for i in range(n):
        yield i
    return f"counted {n}"
def wrapper():
    result = yield from count_to(3)
    yield result
print(list(wrapper()))
g = count_to(1)
next(g)
try:
    next(g)
except StopIteration as stop:
    print(stop.value)
