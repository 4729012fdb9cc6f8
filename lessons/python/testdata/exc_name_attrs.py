# NameError.name, AttributeError.name and .obj (Python 3.10+): what the
# interpreter sets when it raises them, and what the constructors take.
import math


def caught(f):
    try:
        f()
    except (NameError, AttributeError) as e:
        return e
    return None


e = caught(lambda: undefined_name)
print(type(e).__name__, e.name, e.args)


def reads_late():
    print(y)
    y = 1


e = caught(reads_late)
print(type(e).__name__, e.name, isinstance(e, NameError))


def free_unbound():
    def inner():
        return z
    z = 1
    del z
    return inner()


e = caught(free_unbound)
print(type(e).__name__, e.name, e)


def cell_unbound():
    c = 1
    def inner():
        return c
    del c
    return c


e = caught(cell_unbound)
print(type(e).__name__, e.name)


def del_global():
    global never_set
    del never_set


print(caught(del_global).name)
zz = 1
del zz
try:
    del zz
except NameError as err:
    print("del:", err.name)


class Body:
    try:
        not_in_class
    except NameError as err:
        print("class body:", err.name)


class A:
    pass


a = A()
e = caught(lambda: a.foo)
print(e.name, e.obj is a)
e = caught(lambda: a.foo())
print(e.name, e.obj is a)
e = caught(lambda: getattr(a, "bar"))
print(e.name, e.obj is a)
print(getattr(a, "bar", "default"), hasattr(a, "bar"))
e = caught(lambda: (1).nope)
print(e.name, e.obj)
e = caught(lambda: "abc".nope())
print(e.name, e.obj)
e = caught(lambda: int.nope)
print(e.name, e.obj)
e = caught(lambda: math.nope)
print(e.name, e.obj is math)


def set_on_none():
    None.x = 1


e = caught(set_on_none)
print(e.name, e.obj, e)


class P:
    @property
    def p(self):
        raise AttributeError("inside the getter")


e = caught(lambda: P().p)
print(e.name, type(e.obj).__name__, e)
e = caught(lambda: P().p())
print(e.name, e.obj, e)


class G:
    def __getattr__(self, n):
        raise AttributeError("no " + n)


e = caught(lambda: G().x)
print(e.name, type(e.obj).__name__, e)
e = caught(lambda: G().m())
print(e.name, type(e.obj).__name__, e)


class H:
    def __getattribute__(self, n):
        raise AttributeError("never")


e = caught(lambda: H().y)
print(e.name, type(e.obj).__name__)


class Named:
    def __getattr__(self, n):
        raise AttributeError(n, name="set by hand", obj=42)


e = caught(lambda: Named().q)
print(e.name, e.obj)

# The constructors.
print(NameError("hi").name)
e = NameError("hi", name="zz")
print(e.name, e.args, repr(e), str(e))
e = AttributeError("hi", name="n", obj=3)
print(e.name, e.obj, e.args, repr(e))
e = AttributeError()
print(e.name, e.obj, e.args)
print(UnboundLocalError("a", name="b").name)
print(hasattr(NameError(), "name"), hasattr(AttributeError(), "obj"), hasattr(NameError(), "obj"))
for make in [lambda: NameError(foo=1), lambda: NameError(name=1, obj=2),
             lambda: AttributeError(name=1, foo=2), lambda: AttributeError(obj=1, name=2, x=3),
             lambda: ValueError(name=1)]:
    try:
        make()
    except TypeError as err:
        print(err)


# Writing and deleting the attributes; __init__ resets them.
e = NameError()
e.name = 7
print(e.name, e.__dict__)
del e.name
print(e.name)
NameError.__init__(e, "r", name="s")
print(e.args, e.name)
NameError.__init__(e, "t")
print(e.args, e.name)


# Subclasses.
class MyName(NameError):
    pass


class MyAttr(AttributeError):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)


class Fixed(NameError):
    def __init__(self, msg):
        super().__init__(msg, name="fixed")


class Plain(ValueError):
    pass


print(MyName("m", name="nn").name, MyAttr("x", obj=5).obj, MyAttr("x", obj=5).name, Fixed("z").name)
try:
    Plain(foo=1)
except TypeError as err:
    print(err)
try:
    raise MyName("raised", name="mine")
except NameError as err:
    print(type(err).__name__, err.name)
