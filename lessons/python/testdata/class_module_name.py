# A class body may name its module itself (a library's classes do): repr
# and the exception line of a traceback then use that name.
class E(Exception):
    __module__ = "x.y"


class G:
    __module__ = 5


class H:
    pass


print(E.__module__, repr(E), E("a"), repr(E("b")), str(E))
print(G.__module__, H.__module__, repr(H))
try:
    raise E("m")
except Exception as e:
    print(type(e), type(e).__qualname__)
