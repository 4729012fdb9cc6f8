# Slicing: seq[start:stop:step], with negative indices counting from the end.
s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[8:2:-2], s[-1:-4:-1])
print(s[100:], s[-100:2], s[5:2], repr(s[3:3]))
nums = list(range(10))
print(nums[2:8:3], nums[::-3], nums[-2:])
t = tuple(range(5))
print(t[1:4], t[::-1])
print(range(0, 20, 3)[2:5], list(range(10)[::-2]))

# Slice assignment can grow or shrink a list.
nums[2:5] = ["a", "b"]
print(nums)
nums[:0] = [-1]
print(nums)
nums[::2] = "x" * len(nums[::2])
print(nums)
try:
    nums[::2] = [1]
except ValueError as e:
    print("ValueError:", e)

sl = slice(1, 8, 2)
print(sl, sl.start, sl.stop, sl.step)
print(s[sl], nums[slice(3)])
print(slice(None, 5).indices(10), slice(-3, None, -1).indices(10))
print(b"hello"[1:3], bytes(range(5))[::2])
print("x"[0], "hello"[-1])
try:
    "abc"[5]
except IndexError as e:
    print("IndexError:", e)
try:
    [1, 2][5]
except IndexError as e:
    print("IndexError:", e)
try:
    (1,)[3]
except IndexError as e:
    print("IndexError:", e)
