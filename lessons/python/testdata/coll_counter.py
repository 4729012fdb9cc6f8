# collections.Counter counts hashable things.
from collections import Counter
c = Counter("mississippi")
print(c["s"], c["i"], c["z"], len(c))
print(c.most_common(2), sorted(c.elements()))
c2 = Counter(["a", "b", "a", "c", "a"])
print(c2.most_common(1), c2["a"])
c2.update(["b", "b"])
c2.update({"c": 5})
print(sorted(c2.items()))
c2.subtract({"a": 1})
print(sorted(c2.items()), c2.total())
x, y = Counter(a=3, b=1), Counter(a=1, b=2)
print(sorted((x + y).items()), sorted((x - y).items()), sorted((x & y).items()), sorted((x | y).items()))
print(Counter({"a": 2}) == Counter(a=2), dict(Counter(k=1)))
words = "one two two three three three".split()
for word, n in Counter(words).most_common():
    print(word, n)
print(repr(Counter(a=2, b=1)))
