# Changing a list while looping: loop over a copy, or build a new list.
nums = [1, 2, 3, 4, 5, 6]
for n in nums[:]:
    if n % 2 == 0:
        nums.remove(n)
print(nums)
nums = [1, 2, 3, 4, 5, 6]
nums = [n for n in nums if n % 2]
print(nums)
words = ["a", "bb", "ccc"]
for i, w in enumerate(words):
    words[i] = w.upper()
print(words)
