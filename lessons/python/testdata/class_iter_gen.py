# A class whose __iter__ is a generator: the simplest iterable.
class Range2D:
    def __init__(self, w, h):
        self.w, self.h = w, h
    def __iter__(self):
        for y in range(self.h):
            for x in range(self.w):
                yield x, y
    def __len__(self):
        return self.w * self.h
    def __contains__(self, p):
        x, y = p
        return 0 <= x < self.w and 0 <= y < self.h
    def __reversed__(self):
        for y in reversed(range(self.h)):
            for x in reversed(range(self.w)):
                yield x, y

r = Range2D(3, 2)
print(list(r), len(r), (2, 1) in r, (3, 0) in r)
print(list(reversed(r))[:3])
print(sum(x * y for x, y in r), max(r), sorted(r, key=lambda p: -p[0])[:2])
it = iter(r)
print(next(it), next(it))
print(dict.fromkeys(r, 0) == {p: 0 for p in r})
class Linked:
    def __init__(self, value, nxt=None):
        self.value, self.next = value, nxt
    def __iter__(self):
        node = self
        while node:
            yield node.value
            node = node.next
chain = Linked(1, Linked(2, Linked(3)))
print(list(chain), [v * 10 for v in chain], 2 in chain)
