# Sorting by int, float and str keys keeps ties in their original order,
# both ascending and with reverse=True.
pairs = [(i * 37 % 11, i) for i in range(60)]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
zeros = [0.0, -0.0, 1.5, -0.0, 0.0, -2.5, 1.5]
print(sorted(zeros), sorted(zeros, reverse=True))
print([str(x) for x in sorted(zeros)])
words = ["pear", "fig", "apple", "kiwi", "plum", "date", "lime", "fig"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted(words), sorted(words, reverse=True))
print(sorted(["é", "z", "a", "ß", "Z", "日本", "ab"]))
big = [(i * 7919) % 1009 for i in range(3000)]
s = sorted(big)
print(s[:10], s[-10:], s == sorted(big, reverse=True)[::-1])
xs = [3, 1, 2]
xs.sort(key=lambda v: -v)
print(xs)
ids = list(range(20))
print(sorted(ids, key=lambda v: float(v % 4)), sorted(ids, key=lambda v: str(v % 3), reverse=True))
