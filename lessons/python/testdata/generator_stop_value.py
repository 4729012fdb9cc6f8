# StopIteration.value carries a generator's return value through next,
# send, throw, __next__ and yield from; a bare return gives None.
def ret(v):
    yield 1
    return v

def catch(f):
    try:
        f()
    except StopIteration as e:
        print("value", repr(e.value), "args", e.args)

g = ret("a"); next(g); catch(lambda: next(g))
g = ret(None); next(g); catch(lambda: next(g))
g = ret(0); next(g); catch(lambda: g.send(5))
g = ret([1, 2]); next(g); catch(lambda: g.__next__())
g = ret("gone"); next(g); print(next(g, "default"))

def absorb():
    try:
        yield 1
    except ValueError:
        return "absorbed"
g = absorb(); next(g); catch(lambda: g.throw(ValueError))

def inner():
    x = yield "first"
    return x * 2
def outer():
    r = yield from inner()
    return ("outer", r)
g = outer(); print(next(g)); catch(lambda: g.send(21))

class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration("from class")
        return self.n
def wrap():
    r = yield from It()
    yield r
print(list(wrap()))
it = It(); next(it); next(it); catch(lambda: next(it))
