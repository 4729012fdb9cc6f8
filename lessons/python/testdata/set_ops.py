# set and frozenset: unordered collections of unique hashable values.
# Small ints are printed in a stable order; we sort anything else.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset(b), a.isdisjoint({9}))
s = set()
s.add(3)
s.add(3)
s.update([1, 2], (7,))
print(s, len(s), 7 in s)
s.discard(100)
s.remove(7)
print(s, s.pop() in {1, 2, 3}, len(s))
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
print(set([1, 1, 2, 2, 3]), set("aab") == {"a", "b"}, sorted(set("hello")))
f = frozenset([1, 2, 3])
print(f, f | {4}, type(f | {4}).__name__, hash(f) == hash(frozenset([3, 2, 1])))
print({f: "frozen key"}[frozenset({1, 2, 3})])
c = a.copy()
c -= {1}
c |= {10}
c &= {2, 3, 10}
c ^= {3, 99}
print(sorted(c), a)
print(set(), repr(set()), frozenset(), {1, 2} == frozenset({1, 2}))
print(sorted({x * x for x in range(-3, 4)}))
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
try:
    one = {1}
    one[0]
except TypeError as e:
    print("TypeError:", e)
try:
    f.add(1)
except AttributeError as e:
    print("AttributeError:", e)
