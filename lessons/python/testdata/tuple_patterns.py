# Tuples as records, dict keys, and multiple return values.
def min_max(xs):
    return min(xs), max(xs)
lo, hi = min_max([4, 8, 1, 9])
print(lo, hi, min_max("hello"))
points = {(0, 0): "origin", (1, 0): "east"}
print(points[(1, 0)], (0, 0) in points)
people = [("ann", 31), ("bob", 25)]
people.sort(key=lambda p: p[1])
print(people)
t = 1, "two", [3]
t[2].append(4)
print(t, len(t), t.count("two"))
print(tuple(sorted((3, 1, 2))), (1, 2) + (3,), (0,) * 3)
a, b, c = t
print(a, b, c)
nested = ((1, 2), (3, 4))
print(sum(x for pair in nested for x in pair), dict(nested))
print((1, 2, 3)[::-1], (1, 2, 3)[1:], max((1, "b"), (1, "a")))
print(hash((1, 2)) == hash((1, 2)), (1, [2]) == (1, [2]))
