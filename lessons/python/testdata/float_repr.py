# float repr is the shortest string that reads back to the same float.
values = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0, 100.0, 1e16, 1e15, 123456789.123,
          1e-5, 0.0001, 1e22, 1.5e300, 5e-324, 2.5, -0.0, 3.141592653589793,
          1e100, 12345678901234567890.0, 0.000123, 1.7976931348623157e308]
for v in values:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"))
print(float("1.5"), float(" -2.25 "), float("1e3"), float(7), float("infinity"))
print(7 / 2, 8 / 2, -7 / 2, 2 ** 0.5, 10 ** -2, 4 ** 0.5)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, divmod(7.5, 2))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5678, -2))
print(round(0.5), round(1.5), round(7), round(3.14159, 3), type(round(2.5)).__name__)
print((1.5).is_integer(), (2.0).is_integer(), (0.75).as_integer_ratio())
print(int(1e20), float(2 ** 60), 1e308 * 10, -1e308 * 10)
print(0.1 * 3, 1.1 * 1.1, 100 * 1.1, 3 * 0.1 == 0.3)
print(abs(-2.5), max(1.5, 2), min(-0.0, 0.0))
print(float("nan") == float("nan"), float("inf") > 1e308)
print(1e-7, 1e-4, 0.001, 123e-10, 1.0e16, 9999999999999998.0)
print(2.0 ** 100, 10.0 ** 15, 10.0 ** 16)
print(hash(1.0) == hash(1), hash(0.5) == hash(0.5))
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
