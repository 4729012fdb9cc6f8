# True division always gives a float; floor division follows the operand types.
print(6 / 3, 7 / 2, -7 / 2, 1 / 3, 2 / 3, 10 / 4)
print(type(6 / 3).__name__, type(6 // 3).__name__, type(6.0 // 3).__name__)
print(10 ** 20 / 10 ** 10, 2 ** 60 / 3, (2 ** 70) / (2 ** 69))
print(1e300 / 1e-10 if False else 1e300 / 1e10, 7 // 2.0, -7 // 2.0, 7 % 2.5)
print(0 / 5, -0 / 5, 0.0 / -5)
print(10 // 3, 10 % 3, -10 // 3, -10 % 3, 10 // -3, 10 % -3)
print(divmod(10, 3), divmod(-10, 3), divmod(10.0, 3), divmod(-10.0, 3))
big = 12345678901234567890123
print(big / 1000, big // 1000, big % 1000)
print(3 / 4 * 4, 3 * 4 / 4, (1 / 49) * 49)
