# Conversions: chr, ord, hex, bin, oct, format.
print(chr(65), chr(97), chr(8364), chr(0x1F600) == "\U0001F600")
print(ord("A"), ord("a"), ord("€"), ord("\n"))
print(hex(0), hex(255), hex(-1), hex(2 ** 70), bin(0), bin(5), bin(-5), oct(64))
print(format(3.14159, ".3f"), format(42, "08b"), format(255, "x"), format("s", ">4"))
print(format(1234.5, ","), format(0.5, "%"), format(10), format(1e-10, "g"), format(123456789, "e"))
print(format(12, "#06x"), format(-12, "+"), format(12, " "), format(3, "c") if False else "")
print(format(1.0, "g"), format(100000.0, "g"), format(1e6, "g"), format(0.0001, "g"))
print(format(2.5, ".0f"), format(3.5, ".0f"), format(-1.5, ".0f"))
print(format(True, "d"), format(65, "c"), format("text", ".2"), format(7, "<3") + "|")
print("".join(chr(ord(c) + 1) for c in "HAL"))
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    format(1, "z")
except ValueError as e:
    print("ValueError:", e)
try:
    format("s", "d")
except ValueError as e:
    print("ValueError:", e)
