# Frame objects: f_locals, f_back, f_trace set on a running frame, a failing trace function, sys._getframe, code objects, a frame that outlives its call.
import sys

def show(frame):
    return "%s:%d" % (frame.f_code.co_name, frame.f_lineno)

# f_locals, f_back and a local tracer that changes
log = []
def quiet(frame, event, arg):
    log.append("quiet %s %s" % (event, show(frame)))

def loud(frame, event, arg):
    if frame.f_code.co_name == "inner":
        log.append("loud %s %s %s back=%s" % (event, show(frame), sorted(frame.f_locals.items()), show(frame.f_back)))
        return quiet if event == "line" else loud
    return None

def inner(a):
    b = a + 1
    c = b * 2
    return c

def outer():
    return inner(1) + inner(2)

sys.settrace(loud)
outer()
sys.settrace(None)
print("\n".join(log))

# setting f_trace on a running frame
log = []
def tracer(frame, event, arg):
    log.append("%s %s" % (event, show(frame)))
    return tracer

def started_inside():
    x = 1
    sys.settrace(tracer)
    sys._getframe().f_trace = tracer
    y = x + 1
    z = y + 1
    sys.settrace(None)
    return z

started_inside()
print("\n".join(log))

# an exception in the trace function turns tracing off and goes on
def bad(frame, event, arg):
    if event == "line":
        raise RuntimeError("tracer failed at " + show(frame))
    return bad

def victim():
    a = 1
    return a

sys.settrace(bad)
try:
    victim()
except RuntimeError as e:
    print("caught", e, sys.gettrace())

# _getframe and code objects
def where():
    f = sys._getframe()
    return f.f_code.co_name, f.f_back.f_code.co_name, sys._getframe(1).f_code.co_name, f.f_globals is globals()

def caller():
    return where()

print(caller())
try:
    sys._getframe(500)
except ValueError as e:
    print("ValueError", e)

def params(a, b, /, c, *d, e, **f):
    g = 1
    return g

co = params.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_varnames, co.co_nlocals, co.co_firstlineno)
print(repr(co).split(" at ")[0], repr(co).split(", ")[2:])
print(type(sys._getframe()).__name__, repr(sys._getframe()).split(", ")[2:])

# a frame object outlives its call
def keep():
    local = "kept"
    return sys._getframe()

fr = keep()
print(fr.f_locals, fr.f_code.co_name, fr.f_back.f_code.co_name, fr.f_lineno)
