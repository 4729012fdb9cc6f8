# sys.settrace: call, line, return and exception events of functions, loops, generators, comprehensions, classes, with, lambdas and recursion.
import sys

log = []

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name == "tracer":
        return None
    shown = arg
    if event == "exception":
        shown = (arg[0].__name__, str(arg[1]), type(arg[2]).__name__)
    log.append("%s %s %d %r" % (event, name, frame.f_lineno, shown))
    return tracer

def gen(n):
    for i in range(n):
        yield i * 2
    return "end"

def risky(x):
    if x > 1:
        raise ValueError("too big: %d" % x)
    return x

def catcher():
    try:
        risky(5)
    except ValueError as e:
        msg = str(e)
    finally:
        done = True
    return msg

def comps(n):
    squares = [i * i for i in range(n)]
    evens = {i for i in squares if i % 2 == 0}
    total = sum(x for x in squares)
    return squares, sorted(evens), total

class Box:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

def with_stmt():
    class CM:
        def __enter__(self):
            return 1
        def __exit__(self, *a):
            return False
    with CM() as one:
        x = one + 1
    return x

def countdown(n):
    while n > 0:
        n -= 1
    return n

def multi(a,
          b):
    return (a +
            b)

def recurse(n):
    if n == 0:
        return 0
    return 1 + recurse(n - 1)

sys.settrace(tracer)
print(list(gen(3)))
print(catcher())
print(comps(4))
print(Box(7).get())
print(with_stmt())
print(countdown(3))
print(multi(1,
            2))
print((lambda y: y + 1)(4))
print(recurse(2))
try:
    risky(3)
except ValueError:
    pass
sys.settrace(None)
print(sys.gettrace())
for line in log:
    print(line)
