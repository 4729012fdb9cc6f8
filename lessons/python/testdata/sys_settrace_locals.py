# What a trace or profile function leaves in frame.f_locals, once it has
# read it, is written back into the frame's variables after the call, as
# in CPython 3.11: a new value rebinds a variable, a deleted name unbinds
# it. Elsewhere a change to locals() stays in the dict. And a frame's
# f_trace_lines turns its 'line' events off.
import sys


def at(frame, offset):
    return frame.f_lineno - frame.f_code.co_firstlineno == offset


def rebinding(frame, event, arg):
    if event == "line" and frame.f_code.co_name == "plain":
        if at(frame, 3):
            frame.f_locals["x"] = 99
        if at(frame, 4):
            del frame.f_locals["y"]
    return rebinding


def plain():
    x = 1
    y = 2
    z = x + 1
    print("x and z:", x, z)
    try:
        print(y)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    return x


sys.settrace(rebinding)
print(plain())
sys.settrace(None)


# A cell that an inner function shares, changed from the outer frame and
# from the inner one.
def cells(frame, event, arg):
    if event == "line":
        if frame.f_code.co_name == "outer" and at(frame, 5):
            frame.f_locals["shared"] = "from the outer frame"
        if frame.f_code.co_name == "inner" and at(frame, 1):
            frame.f_locals["shared"] = "from the inner frame"
    return cells


def outer():
    shared = "start"
    def inner():
        return shared
    before = inner()
    after = inner()
    return before, after, shared


sys.settrace(cells)
print(outer())
sys.settrace(None)


# A loop's variable, and a generator's local.
def loops(frame, event, arg):
    if event == "line" and frame.f_code.co_name in ("counting", "gen"):
        loc = frame.f_locals
        if "i" in loc and loc["i"] == 2 and at(frame, 2):
            loc["i"] = 200
        if "n" in loc and loc["n"] == 1 and at(frame, 3):
            loc["n"] = 10
    return loops


def counting():
    for i in range(4):
        print("i is", i)


def gen():
    n = 0
    while n < 12:
        yield n
        n += 1


sys.settrace(loops)
counting()
print(list(gen()))
sys.settrace(None)


# A profile function's changes count too: here it changes an argument at
# the call.
def profile(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "square":
        frame.f_locals["n"] = 7


def square(n):
    return n * n


sys.setprofile(profile)
print(square(3))
sys.setprofile(None)


# Without a trace function, writing to locals() changes only the dict;
# with one, the dict is made afresh from the variables before each call
# of it, so what the code wrote there is lost too.
def untraced():
    a = 1
    locals()["a"] = 2
    return a, locals()["a"]


def quiet(frame, event, arg):
    return quiet


def traced():
    a = 1
    d = locals()
    d["a"] = 2
    d["extra"] = 3
    return a, d["a"], d.get("extra")


print(untraced())
sys.settrace(quiet)
print(traced())
sys.settrace(None)


# A frame's f_locals read by the code itself: the next call of a trace
# function makes it afresh (what the code stored there is lost) and
# writes it back.
def grabbed():
    b = 1
    d = sys._getframe().f_locals
    d["b"] = 5
    return b, d["b"]


print(grabbed())
sys.settrace(quiet)
print(grabbed())
sys.settrace(None)


# f_trace_lines = False turns a frame's 'line' events off; both flags
# take only a bool.
def no_lines(frame, event, arg):
    if frame.f_code.co_name == "three_lines":
        print(event, frame.f_lineno - frame.f_code.co_firstlineno, frame.f_trace_lines, frame.f_trace_opcodes)
        if event == "line":
            frame.f_trace_lines = False
    return no_lines


def three_lines():
    a = 1
    b = 2
    return a + b


sys.settrace(no_lines)
three_lines()
sys.settrace(None)
here = sys._getframe()
for name, value in (("f_trace_lines", 0), ("f_trace_opcodes", None)):
    try:
        setattr(here, name, value)
    except TypeError as e:
        print("TypeError:", e)
    try:
        delattr(here, name)
    except TypeError as e:
        print("TypeError:", e)
