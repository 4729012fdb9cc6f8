# itertools: product, permutations, combinations.
from itertools import product, permutations, combinations
print(list(product("ab", [1, 2])))
print(list(product([0, 1], repeat=3)))
print(len(list(product(range(3), range(4), range(2)))))
print(list(permutations("abc")))
print(list(permutations(range(4), 2)))
print(list(combinations("abcd", 2)))
print(list(combinations(range(5), 3)))
print(list(combinations("ab", 3)), list(permutations("")), list(product()))
print(["".join(p) for p in permutations("cat")])
count = 0
for a, b, c in product(range(1, 20), repeat=3):
    if a < b < c and a * a + b * b == c * c:
        print("pythagorean", a, b, c)
        count += 1
print(count)
print(sum(1 for c in combinations(range(10), 4)))
