# hash of ints, tuples and frozensets is stable and consistent with ==.
print(hash(0), hash(1), hash(-1), hash(2 ** 61), hash(10 ** 20) == hash(10 ** 20))
print(hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1, 2)), hash(frozenset([1])) == hash(frozenset([1])))
print(hash(1.5) == hash(1.5), hash(-2) == hash(-2))
d = {1: "a", 1.0: "b", True: "c"}
print(d, len(d))
