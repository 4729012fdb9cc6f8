# map and filter are lazy; they can take several iterables or None.
nums = [1, 2, 3, 4, 5, 6]
doubled = map(lambda x: x * 2, nums)
print(doubled.__class__.__name__, list(doubled))
print(list(map(str, nums)), list(map(len, ["a", "bb", ""])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(max, [1, 5], [4, 2], [3, 3])))
print(list(filter(lambda x: x % 2 == 0, nums)), list(filter(None, [0, 1, "", "x", None, []])))
words = ["Apple", "bob", "Cat", "dog"]
print(list(filter(str.istitle, words)), list(map(str.swapcase, words)))
print(sum(map(int, "1 2 3 4".split())))
evens_squared = list(map(lambda x: x * x, filter(lambda x: x % 2 == 0, range(10))))
print(evens_squared)
m = map(print, ["printed lazily"])
print("map created")
list(m)
