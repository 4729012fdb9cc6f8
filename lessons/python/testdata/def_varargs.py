# *args collects extra positional arguments into a tuple,
# **kwargs collects extra keyword arguments into a dict.
def collect(*args, **kwargs):
    print("args:", args)
    print("kwargs:", kwargs)

collect()
collect(1, 2, 3)
collect(a=1, b=2)
collect(1, "two", three=3)

def total(first, *rest):
    s = first
    for r in rest:
        s += r
    return s

print(total(1))
print(total(1, 2, 3, 4))
print(total("a", "b", "c"))

# Unpacking into a call with * and **.
nums = [4, 5, 6]
print(total(*nums))
opts = {"sep": "-", "end": "!\n"}
print("x", "y", "z", **opts)

def point(x, y, z=0):
    return (x, y, z)

print(point(*[1, 2]))
print(point(**{"x": 7, "y": 8, "z": 9}))
print(point(1, *[2], **{"z": 3}))
print(point(*(1,), *(2,)))
