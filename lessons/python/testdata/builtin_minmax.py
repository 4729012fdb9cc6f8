# min and max with keys, defaults and several arguments.
print(max(3, 7, 5), min(3, 7, 5), max([1.5, 2]), min("hello"))
print(max(["ab", "b", "abc"], key=len), min(["ab", "b", "abc"], key=len))
print(max({"a": 3, "b": 1}, key=lambda k: {"a": 3, "b": 1}[k]))
print(max([], default=None), min((), default=0))
print(max([(1, "z"), (2, "a"), (2, "b")]), min([[3], [1, 2], [1]]))
print(max(-5, 3, key=abs), min(-5, 3, key=abs), max(True, 2), max(1, 1.0), max(1.0, 1))
print(max(range(10), key=lambda n: n % 4), max("aAbB"), max("apple", "Banana"))
try:
    max([1, "a"])
except TypeError as e:
    print("TypeError:", e)
try:
    min(5)
except TypeError as e:
    print("TypeError:", e)
