# Sets for membership, de-duplication and comparing collections.
a = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(sorted(set(a)), len(set(a)), len(a))
seen, dupes = set(), set()
for x in a:
    if x in seen:
        dupes.add(x)
    seen.add(x)
print(sorted(dupes))
order_kept = list(dict.fromkeys(a))
print(order_kept)
alice = {"go", "python", "rust"}
bob = {"python", "java", "go"}
print(sorted(alice & bob), sorted(alice | bob), sorted(alice - bob), sorted(alice ^ bob))
print(alice >= {"go"}, {"go"} < alice, alice.isdisjoint({"c"}))
evens = {x for x in range(10) if x % 2 == 0}
print(evens, 4 in evens, 5 in evens)
fs = frozenset([1, 2])
cache = {fs: "pair"}
print(cache[frozenset([2, 1])], fs | {3}, fs & {2, 3})
s = {1, 2, 3}
s.discard(2)
s.discard(7)
print(s, s.issubset({1, 3, 5}), s.union([7], (8,)))
