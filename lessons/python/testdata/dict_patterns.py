# Common dict patterns: counting, grouping, inverting, merging, nested access.
text = "to be or not to be that is the question"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
groups = {}
for w in text.split():
    groups.setdefault(len(w), []).append(w)
print(groups)
inverted = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inverted)
defaults = {"color": "red", "size": 10}
user = {"size": 12}
print({**defaults, **user}, defaults | user)
config = {"db": {"host": "localhost", "port": 5432}}
print(config["db"]["port"], config.get("cache", {}).get("ttl", 60))
pairs = [("x", 1), ("y", 2)]
d = dict(pairs)
d.update(z=3)
print(d, list(d), list(d.values()), list(d.items())[-1])
print({k: v for k, v in sorted(counts.items(), key=lambda kv: -kv[1])[:3]})
keys = ["a", "b"]
print(dict.fromkeys(keys, []), {k: [] for k in keys})
print(len(counts), "be" in counts, counts.keys() & {"be", "xyz"})
