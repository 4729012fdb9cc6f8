# range() takes objects with __index__, hashes by the ints it yields,
# and answers `in` for non-ints by comparing with each item.
class Count:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n

class LikeTwo:
    def __eq__(self, other):
        return other == 2

print(list(range(Count(3))), list(range(Count(1), Count(7), Count(2))))
print(range(10)[Count(2)], range(10)[Count(1):Count(5)], [0, 1, 2, 3][Count(1):Count(3)])
print("abcdef"[Count(1)::Count(2)], (5, 6, 7)[:Count(2)])
print(hash(range(0)) == hash(range(5, 5)), hash(range(3)) == hash(range(0, 3, 1)))
print(hash(range(7, 8)) == hash(range(7, 9, 5)), hash(range(1, 10, 3)) == hash(range(1, 11, 3)))
print(hash(range(1, 10, 3)), hash(range(10**20)))  # None hashes by address in 3.11: ranges of 0 or 1 ints vary
seen = {range(3): "three"}
print(seen[range(0, 3)], range(2) in {range(0, 2, 1)})
print(LikeTwo() in range(3), LikeTwo() in range(5, 9), True in range(2), 2.0 in range(3), Count(1) in range(3))
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    range(10)[1.0:2]
except TypeError as e:
    print("TypeError:", e)
