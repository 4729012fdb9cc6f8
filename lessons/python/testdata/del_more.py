# del on names in functions, list slices and nested dicts.
def f():
    x = 1
    del x
    try:
        return x
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
cfg = {"a": {"b": 1, "c": 2}}
del cfg["a"]["b"]
print(cfg)
xs = list(range(10))
del xs[-3:]
del xs[:2]
print(xs)
