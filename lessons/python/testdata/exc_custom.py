# User exception classes: args, str, repr and extra attributes.
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available

class AppError(Exception):
    pass

class DatabaseError(AppError):
    pass

try:
    raise InsufficientFunds(100, 30)
except InsufficientFunds as e:
    print(e)
    print(e.args)
    print(e.needed - e.available)

try:
    raise DatabaseError("connection lost", 42)
except AppError as e:
    print(type(e).__name__, e.args, str(e))
    print(repr(e))

e = ValueError()
print(repr(e), str(e), e.args)
e = ValueError("one")
print(repr(e), str(e))
e = ValueError("one", 2)
print(repr(e), str(e))
e = KeyError("k")
print(repr(e), str(e))
print(repr(Exception([1, 2])))

class WithStr(Exception):
    def __str__(self):
        return "custom text"
try:
    raise WithStr("ignored")
except WithStr as e:
    print(e, e.args)
print(isinstance(DatabaseError(), Exception))
print(DatabaseError.__mro__[1].__name__)
