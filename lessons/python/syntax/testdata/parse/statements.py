"""Module docstring."""
import os
import os.path as osp, sys
from . import sibling
from .. import parent as p
from ...pkg.sub import (a, b as c,)
from x import *
from .mod import name

@decorator
@dotted.decorator(arg, kw=1)
def f(a, b: int = 1, /, c=2, *args: str, d, e=3, **kwargs) -> "ret":
    global g1, g2
    x = y = z = 1
    a, *b = c
    [a, (b, c)] = d
    x: int = 5
    (y): list
    obj.attr: int
    obj.attr += 1
    x[1:2] -= 3
    x @= y
    x **= 2; x //= 3; x >>= 1; x <<= 1; x |= 1; x &= 1; x ^= 1; x %= 2; x /= 2
    del a, b[0], c.d
    del (e, f), [g]
    assert x, "message"
    assert y
    return x, *y

def g(*, a): pass
def h(a, /): return
def k(**kw): yield
def m(): yield from range(3); return 1

class C(Base, metaclass=Meta, **extra):
    attr = 1
    @property
    def p(self):
        nonlocal_var = 1
        def inner():
            nonlocal nonlocal_var
            nonlocal_var += 1
        return inner

    @staticmethod
    def s(): ...

class D: pass

if a:
    pass
elif b:
    pass
elif c: pass
else:
    pass

while x:
    break
else:
    pass

for i in range(10):
    if i: continue
else:
    pass

for a, *b in x: pass
for (a, b) in x, y: pass
for x in *a, *b: pass

try:
    pass
except ValueError:
    pass
except (TypeError, KeyError) as e:
    raise
except:
    raise X from e
else:
    pass
finally:
    pass

try:
    pass
finally:
    pass

with a: pass
with a as b, c as (d, e): pass
with (a as b, c as d,): pass
with (a, b): pass
with (a, b) as c: pass
with open(f) as fh:
    data = fh.read()

raise
raise E
raise E("x") from None

x = 1; y = 2;
if x: y = 1; z = 2

def long_line(a,
              b,  # comment
              c):
    return \
        a + b
