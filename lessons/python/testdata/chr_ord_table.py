# chr and ord over a range of code points.
for code in range(65, 91, 5):
    print(code, chr(code), chr(code + 32), ord(chr(code)) == code)
print([ord(c) for c in "Hi!"], "".join(chr(c) for c in [9731, 9733, 9829]))
print(chr(0x1F40D), ord("\U0001F40D"), hex(ord("€")))
