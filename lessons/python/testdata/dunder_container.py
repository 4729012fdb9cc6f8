# Containers: __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"{pos} outside the grid")
        return self.cells.get(pos, ".")
    def __setitem__(self, pos, value):
        self.cells[pos] = value
    def __delitem__(self, pos):
        del self.cells[pos]
    def __contains__(self, value):
        return value in self.cells.values()
    def __iter__(self):
        for y in range(self.h):
            yield "".join(self[x, y] for x in range(self.w))

g = Grid(4, 2)
g[1, 0] = "#"
g[3, 1] = "@"
print(len(g), g[1, 0], g[0, 0], "#" in g, "?" in g)
for row in g:
    print(row)
del g[1, 0]
print(list(g))
try:
    g[9, 9]
except IndexError as e:
    print("IndexError:", e)

class Seq:
    def __getitem__(self, i):
        if isinstance(i, slice):
            return f"slice {i.start} {i.stop} {i.step}"
        return i * 2
print(Seq()[5], Seq()[1:9:2], Seq()[::])

class Default(dict):
    def __missing__(self, key):
        return f"no {key}"
d = Default(a=1)
print(d["a"], d["b"])
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    n = 5
    n[0]
except TypeError as e:
    print("TypeError:", e)
try:
    "x" in 5
except TypeError as e:
    print("TypeError:", e)
