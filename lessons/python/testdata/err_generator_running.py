# Exhausted generator then next(): StopIteration escapes.
def one():
    yield 1
g = one()
next(g)
next(g)
