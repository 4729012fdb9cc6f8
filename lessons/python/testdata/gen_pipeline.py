# Generators chained into a pipeline: each stage pulls from the one before.
def read_lines():
    for line in ["10,ok", "x,bad", "25,ok", "", "7,ok", "-3,ok"]:
        print("  read", repr(line))
        yield line

def parse(lines):
    for line in lines:
        if not line:
            continue
        value, _, status = line.partition(",")
        try:
            yield int(value), status
        except ValueError:
            print("  skip", repr(value))

def positive(pairs):
    for v, s in pairs:
        if v > 0:
            yield v

pipeline = positive(parse(read_lines()))
print(type(pipeline).__name__)
print("first:", next(pipeline))
print("rest:", list(pipeline))

def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(5, (x * x for x in naturals() if x % 2))))
def window(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)
print(list(window(range(6), 3)))
