# bytes: immutable sequences of small integers.
b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], list(b[:2]))
print(bytes([65, 66, 67]), bytes(3), bytes("héllo", "utf-8"))
print(b + b" world", b * 2, b"ell" in b, 104 in b)
print(b.upper(), b.decode(), b.hex(), bytes.fromhex("414243"))
print(b.split(b"l"), b.replace(b"l", b"L"), b.startswith(b"he"), b.find(b"l"))
print(repr(b"\x00\x01\xff"), b"a\nb", b"tab\t")
print(b == b"hello", b < b"help", type(b).__name__)
print(bytes(range(250, 256)), b"abc".count(b"b"), b"-".join([b"a", b"b"]))
print(list(bytes(b"AZ")), b.strip(b"ho"))
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([300])
except ValueError as e:
    print("ValueError:", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
