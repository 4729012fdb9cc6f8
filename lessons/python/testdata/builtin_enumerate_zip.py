# enumerate and zip in loops; zip stops at the shortest input.
names = ["ann", "bob", "cy"]
scores = [90, 85]
for i, name in enumerate(names, 1):
    print(i, name)
for name, score in zip(names, scores):
    print(name, score)
print(list(zip(names, scores, "xyz")))
print(dict(enumerate("abc")))
table = {n: s for n, s in zip(names, scores)}
print(table)
for (i, a), b in zip(enumerate("pq"), "rs"):
    print(i, a, b)
print(list(enumerate([])), list(zip([], [1])))
columns = list(zip(*[(1, "a", True), (2, "b", False)]))
print(columns)
it = zip(range(3), range(10))
print(next(it), list(it))
print([i * s for i, s in enumerate(scores)])
