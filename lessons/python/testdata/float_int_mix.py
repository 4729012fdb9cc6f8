# Mixing ints and floats: the result is a float, comparisons are exact.
print(1 + 2.0, 3 * 0.5, 10 - 0.5, 2 ** 0.5, 4 / 2, 7 // 2.0, 1 == 1.0, 2 < 2.5)
print(10 ** 16 + 1.0, float(10 ** 16 + 1), 2 ** 53 + 1 == float(2 ** 53 + 1))
print(sum([1, 2.5, 3]), max(1, 2.0), min(1.0, 1), sorted([3, 1.5, 2]))
print(int(7.0) == 7, 0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10) == 0.3, abs(-2) * 1.5)
