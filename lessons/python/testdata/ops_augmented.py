# Augmented assignment: in place for mutable objects, rebinding for immutable ones.
a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
a = a + [4]
print(a, b, a is b)
t = (1, 2)
u = t
t += (3,)
print(t, u, t is u)
s = "ab"
s *= 3
print(s)
d = {"n": 1}
d["n"] += 10
d.setdefault("m", 0)
d["m"] -= 1
print(d)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] += 5
print(grid)
class Box:
    def __init__(self):
        self.v = 1
bx = Box()
bx.v *= 7
bx.v **= 2
bx.v //= 3
bx.v %= 10
print(bx.v)
n = 0b1010
n |= 0b0101
n &= 0b1100
n ^= 0b1111
n <<= 2
n >>= 1
print(bin(n))
st = {1, 2}
st |= {3}
st &= {2, 3, 4}
st -= {2}
print(st)
