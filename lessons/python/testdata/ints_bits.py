# Bit manipulation on ints.
n = 0b1011_0110
print(n, bin(n), n.bit_length(), bin(n).count("1"))
print(bin(n & -n), bin(n & (n - 1)), bin(n | (n + 1)))
flags = 0
READ, WRITE, EXEC = 1, 2, 4
flags |= READ | EXEC
print(flags, bool(flags & WRITE), bool(flags & EXEC))
flags &= ~EXEC
print(flags, format(flags, "03b"))
print([i for i in range(16) if i & (i - 1) == 0])
print(1 << 0, 1 << 10, 1 << 64, (1 << 64) - 1, -1 << 3, -16 >> 2, -1 >> 100)
def popcount(x):
    c = 0
    while x:
        x &= x - 1
        c += 1
    return c
print([popcount(i) for i in range(10)], popcount(2 ** 100 - 1))
print(int.from_bytes(b"\x01\x00", "big"), (258).to_bytes(2, "little"), (1024).to_bytes(3, "big"))
print(0xDEAD_BEEF, 0o777, 0b1111 ^ 0b0101, ~0b1111)
