# Generators as methods, and generator objects stored in instances.
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def walk(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.walk(depth + 1)
    def leaves(self):
        if not self.children:
            yield self.value
        for c in self.children:
            yield from c.leaves()
t = Tree("root", Tree("a", Tree("a1"), Tree("a2")), Tree("b"), Tree("c", Tree("c1")))
for depth, value in t.walk():
    print("  " * depth + value)
print(list(t.leaves()), sum(1 for _ in t.walk()))
class Reader:
    def __init__(self, lines):
        self._gen = (l.upper() for l in lines)
    def next_line(self):
        return next(self._gen, None)
r = Reader(["x", "y"])
print(r.next_line(), r.next_line(), r.next_line())
