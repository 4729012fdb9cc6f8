# collections.defaultdict: missing keys get a default from a factory.
from collections import defaultdict
words = "the quick brown fox jumps over the lazy dog the end".split()
by_letter = defaultdict(list)
for w in words:
    by_letter[w[0]].append(w)
print(dict(by_letter))
counts = defaultdict(int)
for w in words:
    counts[w] += 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print(counts["missing"], "missing" in counts, len(counts))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
nested["a"]["y"] += 2
nested["b"]["x"] += 3
print({k: dict(v) for k, v in nested.items()})
plain = defaultdict()
try:
    plain["k"]
except KeyError as e:
    print("KeyError:", e)
s = defaultdict(set)
s["evens"].add(2)
s["evens"].add(4)
print(sorted(s["evens"]), s.default_factory is set)
print(isinstance(s, dict), repr(defaultdict(int, {"a": 1})))
