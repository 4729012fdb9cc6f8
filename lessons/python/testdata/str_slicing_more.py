# Strings are sequences: indexing, slicing, iteration, membership.
s = "concurrency"
print(s[0], s[-1], s[3:7], s[:4], s[4:], s[-4:], s[::-1], s[::2], s[1::3])
print([c for c in s if c in "aeiou"], s.index("u"), s[s.index("r"):])
print(len(s), min(s), max(s), sorted(s)[:4], s * 0 == "", "cur" in s)
for i in range(0, len(s), 4):
    print(repr(s[i:i + 4]))
print(s[100:], s[-100:3], s[5:1], s[5:1:-1], s[::-3])
print("".join(reversed(s)) == s[::-1], list(enumerate(s[:3])))
