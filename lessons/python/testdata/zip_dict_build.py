# Building dicts from parallel lists, and unzipping them again.
keys = ["name", "lang", "year"]
vals = ["threadlab", "go", 2026]
d = dict(zip(keys, vals))
print(d)
k2, v2 = zip(*d.items())
print(k2, v2, list(k2) == keys)
print({k: v for k, v in zip(keys, vals) if isinstance(v, str)})
