# Exceptions carry args and may carry extra attributes; str() and repr() differ.
class HTTPError(Exception):
    def __init__(self, code, reason):
        super().__init__(code, reason)
        self.code = code
        self.reason = reason
    def __str__(self):
        return f"{self.code} {self.reason}"

try:
    raise HTTPError(404, "Not Found")
except HTTPError as e:
    print(e, "|", repr(e), "|", e.args, "|", e.code)

class NoInit(Exception):
    pass
e = NoInit("a", "b", 3)
print(e.args, str(e), repr(e))
e = NoInit()
print(e.args, repr(str(e)), repr(e))
err = KeyError("quote's")
print(str(err), repr(err))
err = KeyError(("a", 1))
print(str(err))
e = ValueError("x")
e.extra = "attached"
print(e.extra, e.__traceback__ is None, e.__cause__, e.__context__)
try:
    raise e
except ValueError as caught:
    print(caught is e, caught.__traceback__ is not None)
print(isinstance(HTTPError(1, "x"), Exception), HTTPError.__bases__[0].__name__)
args_only = Exception(*range(3))
print(args_only, len(args_only.args))
