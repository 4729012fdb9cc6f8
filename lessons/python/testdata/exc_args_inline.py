# An exception's args tuple stays what it was when the exception is
# initialised again or its args are replaced; tracebacks keep their frames.


class E(Exception):
    pass


e = E(1)
a = e.args
e.__init__(2)
b = e.args
e.args = (7,)
e.__init__(3)
print(a, b, e.args)
e.__init__()
print(e.args, repr(e))
e.__init__("x", "y")
print(e.args, str(e))

try:
    {}["key"]
except KeyError as k:
    print(repr(k), k.args, k.__traceback__.tb_lineno)

print(repr(ValueError()), repr(ValueError(1, 2)), str(ValueError("m")))


def inner(n):
    if n == 0:
        raise E("deep")
    inner(n - 1)


def outer():
    try:
        inner(3)
    except E as exc:
        raise RuntimeError("wrapped") from exc


try:
    outer()
except RuntimeError as r:
    print(r, repr(r.__cause__), r.__cause__.args, r.__cause__.__traceback__ is not None)

for i in range(3):
    try:
        inner(i)
    except E as exc:
        exc.add_note("note %d" % i)
        print(exc.args, exc.__notes__)

inner(1)
