# bool is a subclass of int; None is the only NoneType value.
print(True, False, type(True).__name__, isinstance(True, int))
print(True + 1, True == 1, False == 0, True is True)
print(bool(0), bool(1), bool(-1), bool(""), bool("0"), bool([]), bool(None))
print(bool(0.0), bool(range(0)), bool(range(1)))
print(str(True), repr(False), int(True), float(False))
print(None, repr(None), type(None).__name__, None is None)
print(True and False, True or False, not True)
print(True & False, True | False, True ^ True, ~True)
print(sum([True, True, False, True]))
print(sorted([True, False, True]), max(False, True))
class Empty:
    pass
class Sized:
    def __len__(self):
        return 0
class Truthy:
    def __bool__(self):
        return False
print(bool(Empty()), bool(Sized()), bool(Truthy()))
print([] == False, not [], None == False)
print(hash(True), hash(False), hash(None) == hash(None))
d = {True: "yes", 1: "one", 1.0: "float one"}
print(d)
