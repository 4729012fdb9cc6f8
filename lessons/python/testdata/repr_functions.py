# The repr of functions and bound methods names their qualified name.
def head(r):
    return r.split(" at ")[0]

class Account:
    def deposit(self, n):
        pass

    class Audit:
        def check(self):
            pass

    @classmethod
    def open(cls):
        pass

    @staticmethod
    def rate():
        return 2

    def __repr__(self):
        return "Account()"

def outer():
    def inner():
        pass
    return inner

print(head(repr(Account.deposit)))
print(head(repr(Account.Audit.check)))
print(head(repr(outer())))
print(head(repr(lambda: 0)))
print(head(repr(Account.rate)))
print(repr(Account().deposit))
print(head(repr(Account.open)))
print(str(Account().deposit) == repr(Account().deposit))
