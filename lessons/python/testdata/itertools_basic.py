# itertools: count, cycle, repeat, chain, islice.
from itertools import count, cycle, repeat, chain, islice
print(list(islice(count(), 5)), list(islice(count(10, 5), 4)), list(islice(count(1.5, 0.5), 3)))
print(list(islice(cycle("ab"), 5)), list(islice(cycle([1, 2, 3]), 7)))
print(list(repeat("x", 3)), list(islice(repeat(0), 4)), list(map(pow, range(4), repeat(2))))
print(list(chain([1, 2], "ab", (3,))), list(chain.from_iterable([[1], [2, 3], []])))
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 5)), list(islice("abcdefg", 0, None, 3)))
counter = count()
print(next(counter), next(counter), next(counter))
for i, c in zip(count(1), "xyz"):
    print(i, c)
it = iter(range(10))
print(list(islice(it, 3)), list(islice(it, 3)), next(it))
print(list(islice(count(), 2, 10, 3)))
try:
    list(islice("abc", -1))
except ValueError as e:
    print("ValueError:", e)
