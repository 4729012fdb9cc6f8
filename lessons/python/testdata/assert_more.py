# assert with expressions and messages built from values.
def check_sorted(xs):
    for a, b in zip(xs, xs[1:]):
        assert a <= b, f"{a} > {b} in {xs}"
    return True
print(check_sorted([1, 2, 3]))
try:
    check_sorted([1, 3, 2])
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert isinstance("x", int), ("not an int", "x")
except AssertionError as e:
    print(e.args)
