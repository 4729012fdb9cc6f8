# dict: insertion-ordered mapping from hashable keys to values.
stock = {"apples": 3, "pears": 0}
stock["plums"] = 7
stock["apples"] += 2
print(stock, len(stock), "pears" in stock, "kiwi" not in stock)
print(stock.get("kiwi"), stock.get("kiwi", 0), stock.get("plums"))
print(list(stock.keys()), list(stock.values()), list(stock.items()))
print(stock.setdefault("kiwi", 9), stock.setdefault("apples", 100), stock)
print(stock.pop("kiwi"), stock.pop("nope", "default"), stock)
stock.update({"figs": 1}, pears=4)
stock.update([("dates", 2)])
print(stock)
print(stock.popitem(), stock)
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(zip("ab", [1, 2])))
print(dict.fromkeys(["a", "b"], 0), dict.fromkeys("xy"))
merged = {"a": 1, "b": 2} | {"b": 3, "c": 4}
print(merged)
merged |= {"d": 5}
print(merged)
c = merged.copy()
c.clear()
print(c, merged)
for key in {"one": 1, "two": 2}:
    print("key", key)
d = {}
d[1] = "int"
d[1.0] = "float replaces value, keeps key"
d[(1, 2)] = "tuple"
print(d)
del d[1]
print(d, {1: 2} == {1: 2}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
order = {}
for w in ["z", "a", "m"]:
    order[w] = len(order)
print(order, list(reversed(order)))
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
try:
    stock["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    for k in stock:
        stock["new" + k] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
