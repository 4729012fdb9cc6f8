# Converting ints to strings in different bases and back.
for n in [0, 7, 255, -42, 2 ** 40]:
    print(n, str(n), hex(n), oct(n), bin(n), format(n, "x"), f"{n:o}", int(str(n)), int(hex(n), 16))
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    out = ""
    while n:
        n, r = divmod(n, b)
        out = digits[r] + out
    return out
print([to_base(255, b) for b in (2, 3, 8, 16, 36)], int(to_base(99999, 36), 36))
