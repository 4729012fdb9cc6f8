# abs and unary minus on ints, floats and bools.
for v in [5, -5, 0, -0.0, 2.5, -2.5, True, 2 ** 70, -(2 ** 70)]:
    print(repr(v), abs(v), -v, +v)
