# Iteration helpers: enumerate, zip, map, filter, sorted, reversed, iter, next.
names = ["ann", "bob", "cy"]
print(list(enumerate(names)), list(enumerate(names, start=1)))
print(list(zip(names, [3, 1, 2])), list(zip("ab", "xyz", [1, 2, 3])), list(zip()))
print(dict(zip(names, range(3))))
print(list(map(str.upper, names)), list(map(pow, [2, 3], [3, 2])))
print(list(filter(None, [0, 1, "", "a", [], [0]])), list(filter(str.isupper, "aBcD")))
print(sorted([3, 1, 2]), sorted("cba"), sorted([3, 1, 2], reverse=True))
print(sorted(names, key=len), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))))
print(list(reversed((1, 2))), "".join(reversed("stressed")))
it = iter(names)
print(next(it), next(it), next(it), next(it, None))
e = enumerate("xy")
print(next(e), next(e))
z = zip([1, 2, 3], "ab")
print(list(z))
m = map(lambda x: x * x, range(4))
print(type(m).__name__, list(m), list(m))
print(len(names), len("hello"), len({1: 2}), len(range(0, 10, 3)))
stable = sorted([("b", 1), ("a", 1), ("c", 0)], key=lambda p: p[1])
print(stable)
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
try:
    sorted([1, None])
except TypeError as e:
    print("TypeError:", e)
try:
    list(zip([1], 5))
except TypeError as e:
    print("TypeError:", e)
