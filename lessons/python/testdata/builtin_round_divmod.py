# round uses round-half-to-even; divmod and // and % agree.
for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 0.25, 2.675]:
    print(x, round(x), round(x, 1))
print(round(123.456, -1), round(123.456, -2), round(1234, -2), round(1250, -2), round(1350, -2))
print(round(5), round(5.0), type(round(5.0)).__name__, type(round(5.0, 1)).__name__)
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (17.5, 5), (-17.5, 5), (0, 3)]:
    q, r = divmod(a, b)
    print(a, b, q, r, q * b + r == a, a // b == q, a % b == r)
print(divmod(2 ** 100, 7), pow(2, 100, 7))
