# The messages CPython gives for common mistakes, caught and printed.
import math
one, x, lst, text, none = 1, "x", [1, 2], "abc", None
cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (2,),
    lambda: 1 - None,
    lambda: None + None,
    lambda: "a" * "b",
    lambda: [] * 1.5,
    lambda: 2 ** "x",
    lambda: -"x",
    lambda: ~1.5,
    lambda: len(5),
    lambda: int(None),
    lambda: float("1,5"),
    lambda: lst[1.0],
    lambda: text["x"],
    lambda: {}["missing"],
    lambda: [][0],
    lambda: ().index(1),
    lambda: none(),
    lambda: one.foo,
    lambda: x.foo(),
    lambda: math.nope,
    lambda: undefined_name,
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1.5 % 0,
    lambda: int("12", 99),
    lambda: chr(2 ** 40),
    lambda: iter(None),
    lambda: next(iter([])),
    lambda: sorted([1, "a"]),
    lambda: max([]),
    lambda: {}.pop("k"),
    lambda: set().pop(),
    lambda: [].remove(1),
    lambda: "x".join([1, 2]),
    lambda: hash({}),
    lambda: {1, [2]},
    lambda: dict(1),
    lambda: (1, 2) < (1, "a"),
    lambda: print(sep=1),
    lambda: range(1, 2, 0),
    lambda: bytes("abc"),
    lambda: divmod(1, 0),
    lambda: round("1.5"),
    lambda: abs(None),
    lambda: isinstance(1, "int"),
    lambda: getattr(1, "real", 2, 3),
]
for i, case in enumerate(cases):
    try:
        case()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
