# The four comprehensions: list, set, dict, and generator expressions.
squares = [x * x for x in range(10)]
print(squares)
evens = [x for x in range(20) if x % 2 == 0 if x % 3 != 0]
print(evens)
pairs = [(i, j) for i in range(3) for j in range(i)]
print(pairs)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix)
print([row[i] for i in range(3) for row in matrix])
flat = [x for row in matrix for x in row]
print(flat)

print(sorted({x % 5 for x in range(20)}))
print({w: len(w) for w in ["apple", "fig", "banana"]})
print({v: k for k, v in {"a": 1, "b": 2}.items()})

gen = (x * 2 for x in range(5))
print(type(gen).__name__, list(gen), list(gen))
print(sum(x * x for x in range(100)))
print(max(len(w) for w in ["a", "abc", "ab"]))

# The comprehension variable does not leak.
x = "outer"
_ = [x for x in range(3)]
print(x)
# Conditional expressions inside.
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
# Nested comprehension referencing outer variable.
n = 3
print([[n * i for i in range(j)] for j in range(n)])
print([c.upper() for c in "hello" if c not in "l"])
