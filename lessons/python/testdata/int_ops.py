# int: arbitrary precision, floor division and modulo follow the sign of the divisor.
print(7 + 3, 7 - 3, 7 * 3, 7 / 2, 7 // 2, 7 % 3, 2 ** 10)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7 // -2, -7 % -2)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(2 ** 100)
print(3 ** 50 - 2 ** 70, -(2 ** 64) // 3, (2 ** 64) % 1000007)
print(123456789 * 987654321 * 1000000007)
print(10 ** 30 // 7, 10 ** 30 % 7)
print(2 ** -1, 2 ** 0, 0 ** 0, (-2) ** 3, -2 ** 2)
print(pow(3, 4), pow(3, 4, 5), pow(2, 100, 1000000007), pow(3, -1, 7))
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 70, (1 << 70) >> 68, -8 >> 1)
print(abs(-12), abs(2 ** 80 * -1))
print(int("42"), int("-17"), int("  8  "), int("ff", 16), int("0x1f", 16), int("101", 2))
print(int("z", 36), int("0o17", 0), int("1_000"), int(3.99), int(-3.99), int(True))
print(int("123456789012345678901234567890"))
print(bin(10), oct(8), hex(255), hex(-255), bin(-5))
print((255).bit_length(), (0).bit_length(), (2 ** 100).bit_length())
print(True + True, True * 10, False - 1)
print(1_000_000, 0xFF, 0o77, 0b1010)
print(7 == 7.0, hash(7) == hash(7.0), 2 ** 63 - 1)
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7
print(x)
x <<= 4; x |= 1; x &= 0xFF; x ^= 3; x >>= 1
print(x)
for bad in ["", "1.5", "abc", "12a"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
