# The iterator protocol: __iter__ returns an iterator, __next__ raises StopIteration.
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        return CountdownIter(self.start)

class CountdownIter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

c = Countdown(4)
print(list(c))
print(list(c))
print(sum(c), max(c), sorted(c))
for v in Countdown(2):
    print("v", v)
a, b, c2 = Countdown(3)
print(a, b, c2)
print(3 in Countdown(5), 9 in Countdown(5))

it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "end"))
it = iter("ab")
print(list(it), list(it))

# iter(callable, sentinel)
values = [1, 2, 3, 0, 4]
pos = [0]
def read():
    pos[0] += 1
    return values[pos[0] - 1]
print(list(iter(read, 0)))

class OldStyle:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * i
print(list(OldStyle()))
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
