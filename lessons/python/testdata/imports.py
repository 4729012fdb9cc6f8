# import, from ... import and as.
import math
import math as m
from math import sqrt, pi as PI
from collections import deque, Counter as C
import itertools, functools
import string

print(math.sqrt(16), m.floor(2.7), sqrt(2), PI)
print(deque([1, 2]), C("aab")["a"])
print(list(itertools.islice(itertools.count(5), 3)))
print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]))
print(string.digits)
print(type(math).__name__, math.__name__)
from math import *
print(floor(3.5), ceil(3.5))

try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math import no_such_name
except ImportError as e:
    print(type(e).__name__, e)

def local_import():
    import random as r
    return r.__name__
print(local_import())
import sys
print("math" in sys.modules)
