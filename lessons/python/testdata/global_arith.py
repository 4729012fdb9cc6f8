# Global ints updated by + , - and += past the shared small ints: the
# values, the bindings through globals(), deletion, other types arriving,
# and the edge of 64-bit ints.

g = 10**6
def bump(n):
    global g
    for i in range(n):
        g = g + i
        g = g - 1
        g += 3
bump(100)
print(g, globals()["g"])

h = 0
def climb():
    global h
    for i in range(3000):
        h = h + 1
climb()
print(h)

del g
try:
    bump(1)
except NameError as e:
    print(e)
g = 2**62
bump(3)
print(g)
g = 9223372036854775000
def edge():
    global g
    for i in range(10):
        g = g + 100
        print(g, type(g).__name__)
edge()
g = -9223372036854775000
def down():
    global g
    for i in range(10):
        g = g - 100
down()
print(g)
g = 1.5
bump(2)
print(g)
g = "s"
try:
    bump(1)
except TypeError as e:
    print(e)
g = 5000
def mixed():
    global g
    for i in range(5):
        g = g + 1000
        globals()["g"] = g - 1
        g += 1
mixed()
print(g)

def with_locals(k, times):
    global g
    for i in range(times):
        g = g + k
        g = g - i
        g += k
    return g
g = 10**6
print(with_locals(7, 50), with_locals(-3, 20), with_locals(2.5, 2))
g = 9223372036854775800
print(with_locals(3, 1))
g = -9223372036854775800
print(with_locals(-5, 2))
g = 10**6
print(with_locals(True, 3))
def swap_type():
    global g
    k = 1
    g = g + k
    g = "x"
    try:
        g = g + k
    except TypeError as e:
        print(e)
    g = 2000
    g = g + k
    return g
print(swap_type())
