# any and all stop as soon as the answer is known.
def check(x):
    print("checking", x)
    return x > 2
print(any(check(x) for x in [1, 3, 5]))
print(all(check(x) for x in [3, 1, 5]))
print(any([]), all([]), any([0, 0.0, ""]), all([1, "a", [0]]))
grid = [[1, 2], [3, 0]]
print(all(all(row) for row in grid), any(0 in row for row in grid))
words = ["apple", "avocado", "banana"]
print(all(w.startswith("a") for w in words), any(w.endswith("a") for w in words))
print(any(map(str.isdigit, "abc1")), all(map(str.isalpha, "abc")))
