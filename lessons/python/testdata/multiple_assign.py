# Chained and parallel assignment.
a = b = c = 10
print(a, b, c)
a, b = 1, 2
a, b = b, a + b
print(a, b)
x, y, z = range(3)
print(x, y, z)
first = second = []
first.append("shared")
print(second)
i, (j, k) = 1, [2, 3]
print(i, j, k)
n = m = "text"
n += "!"
print(n, m)
