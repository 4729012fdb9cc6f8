# Unpacking nested structures in for loops, assignments and function calls.
records = [("ann", (31, "paris")), ("bob", (25, "rome")), ("cy", (40, "oslo"))]
for name, (age, city) in records:
    print(f"{name} is {age} and lives in {city}")
(a, b), (c, d) = [1, 2], "xy"
print(a, b, c, d)
first, (second, *others), last = 1, [2, 3, 4], 5
print(first, second, others, last)
pairs = list(zip("abc", range(3)))
letters, numbers = zip(*pairs)
print(letters, numbers)
matrix = [[1, 2], [3, 4], [5, 6]]
print(list(zip(*matrix)))
def center(x, y):
    return (x + y) / 2
points = [(0, 4), (2, 2)]
print([center(*p) for p in points])
head, *tail = "unpack"
print(head, "".join(tail))
for i, (k, v) in enumerate({"x": 1, "y": 2}.items()):
    print(i, k, v)
x = y = z = []
x.append(1)
print(y, z, x is z)
a, b = b, a
print(a, b)
data = {"point": (3, 4)}
px, py = data["point"]
print(px * py)
