# list: a mutable sequence.
nums = [3, 1, 4, 1, 5, 9, 2, 6]
nums.append(5)
nums.extend([3, 5])
nums.insert(0, 0)
print(nums, len(nums))
print(nums.pop(), nums.pop(0), nums)
nums.remove(1)
print(nums, nums.index(5), nums.count(5))
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
nums.reverse()
print(nums)
words = ["banana", "Apple", "cherry", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
copy = words.copy()
copy.clear()
print(words, copy)
print([1, 2] + [3], [0] * 4, [[0] * 2] * 2, 2 in [1, 2], [1, [2]] == [1, [2]])
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
print(grid)
alias = [[0] * 3] * 2
alias[0][0] = 1
print(alias)
lst = list("abc")
lst[1] = "B"
lst += ["d"]
lst *= 2
print(lst, lst.index("c", 3))
print(list(range(5)), list((1, 2)), list({"k": 1}), list())
print(min([4, 2, 8]), max([4, 2, 8]), sum([4, 2, 8]), sorted([3, 1, 2])[::-1])
print([1, 2, 3] < [1, 2, 4], [] < [0], [2] > [1, 100])
print(repr([None, True, "s", 1.5, (1,), {"a": 1}]))
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1, 2].remove(9)
except ValueError as e:
    print("ValueError:", e)
try:
    [1].index(7)
except ValueError as e:
    print("ValueError:", e)
try:
    [3, "a"].sort()
except TypeError as e:
    print("TypeError:", e)
