# Errors raised in __init__ and validation of arguments.
class Range:
    def __init__(self, lo, hi):
        if lo > hi:
            raise ValueError(f"lo ({lo}) must not exceed hi ({hi})")
        self.lo, self.hi = lo, hi
    def __contains__(self, x):
        return self.lo <= x <= self.hi
for args in [(1, 5), (5, 1), ("a", "z")]:
    try:
        r = Range(*args)
        print(args, "ok", args[0] in r)
    except ValueError as e:
        print(args, "ValueError:", e)
try:
    Range(1)
except TypeError as e:
    print("TypeError:", e)
class NoArgs:
    pass
try:
    NoArgs(1)
except TypeError as e:
    print("TypeError:", e)
