# Sets of small non-negative ints print in increasing order in CPython;
# we still sort anything that could depend on hashing.
evens = {0, 2, 4, 6}
odds = {1, 3, 5, 7}
print(evens | odds, evens & {2, 3, 4}, odds - {1}, evens ^ {0, 1})
print(sorted(evens | {100, 50}), len(evens | odds), max(evens), min(odds), sum(odds))
print({x % 4 for x in range(20)}, sorted({-1, -5, 3}))
s = set(range(5))
s.remove(0)
s.add(9 % 4)
print(s, sorted(s, reverse=True))
