# Big integers: exact arithmetic well past 64 bits.
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(len(str(f)), str(f).count("0"), f % (10 ** 9 + 7))
print(2 ** 256, 2 ** 256 - 1 == int("1" * 256, 2))
print((2 ** 127 - 1) % 1000000, (3 ** 100) // (2 ** 100))
print(-(2 ** 100) // 3, -(2 ** 100) % 3, (2 ** 100) // -7)
print(abs(-10 ** 40), -10 ** 40 < -10 ** 39, 10 ** 40 == 10 ** 40)
a = 987654321987654321987654321
b = 123456789123456789
print(a + b, a - b, a * b, a // b, a % b, divmod(a, b))
print(a & b, a | b, a ^ b, a >> 50, b << 70, ~a)
print(hex(a), oct(b), bin(2 ** 70 + 1))
print(pow(a, 3, 10 ** 9), pow(7, 10 ** 5, 13), pow(2, 521) - 1 > 10 ** 150)
print(int(str(a)) == a, int("-" + str(a)), hash(2 ** 61 - 1) == hash(0) or hash(2 ** 61 - 1))
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print(isqrt(10 ** 50), isqrt(2 * 10 ** 40))
print(sum(range(10 ** 6)), sum(i * i for i in range(1000)))
print(float(2 ** 100), int(1e20), 2 ** 100 > 1e30, 2 ** 1000 > 1e300)
