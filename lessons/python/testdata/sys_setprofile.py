# sys.setprofile: call and return of Python frames, c_call, c_return and c_exception of built-in functions and methods (not of types).
import sys
def f():
    l = []
    l.append(1)
    x = len(l)
    s = "a,b".split(",")
    list((1, 2))
    try:
        int("x")
    except ValueError:
        pass
    try:
        len(5)
    except TypeError:
        pass
    sorted([3, 1], key=abs)
    return x
ev = []
def prof(frame, event, arg):
    ev.append((event, frame.f_code.co_name, repr(arg)[:40]))
sys.setprofile(prof)
f()
sys.setprofile(None)
for e in ev: print(e)
