# del removes names, list items, slices, dict keys and attributes.
x = 10
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)

nums = [0, 1, 2, 3, 4, 5, 6]
del nums[0]
print(nums)
del nums[1:3]
print(nums)
del nums[::2]
print(nums)

d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zzz"]
except KeyError as e:
    print("KeyError:", e)

class Box:
    pass
b = Box()
b.item = "thing"
print(hasattr(b, "item"))
del b.item
print(hasattr(b, "item"))
try:
    del b.item
except AttributeError as e:
    print("AttributeError:", e)

p, q = 1, 2
del p, q
print("p" in dir(), "q" in dir())
lst = [[1, 2], [3, 4]]
del lst[0][1]
print(lst)
