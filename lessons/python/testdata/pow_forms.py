# ** and pow(): negative exponents, modular powers, float results.
print(2 ** 10, 2 ** -2, (-2) ** 3, (-8) ** (1 / 3) if False else "", 9 ** 0.5, 0 ** 0, 1 ** 1000)
print(pow(2, 10), pow(2, -1), pow(2, 10, 1000), pow(3, 200, 13), pow(-3, 3), pow(2.0, 3))
print(pow(5, -1, 11), (5 * pow(5, -1, 11)) % 11, 10 ** 3 ** 2 == 10 ** 9)
