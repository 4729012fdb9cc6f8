# deque as a sliding window and a round-robin scheduler.
from collections import deque

def moving_average(values, n):
    window = deque(maxlen=n)
    out = []
    for v in values:
        window.append(v)
        out.append(round(sum(window) / len(window), 2))
    return out
print(moving_average([10, 20, 30, 40, 50, 60], 3))

tasks = deque([("a", 3), ("b", 1), ("c", 2)])
timeline = []
while tasks:
    name, left = tasks.popleft()
    timeline.append(name)
    if left > 1:
        tasks.append((name, left - 1))
print("".join(timeline))
d = deque("abcde")
d.rotate(1)
print("".join(d), d[0], d[-1], len(d))
d.rotate(-2)
print("".join(d))
print(deque([1, 2]) == deque([1, 2]), list(reversed(deque([1, 2, 3]))), deque(range(3), maxlen=2))
e = deque()
e.extendleft("abc")
print(e, e.copy(), 2 in deque([1, 2]))


class BadRepr:
    def __repr__(self):
        raise KeyError("no repr")


# list.index and deque.index: a missing item's repr, and a repr that raises
for probe in (lambda: [1, 2].index(3), lambda: deque([1, 2]).index(3),
              lambda: deque([1, 2, 1]).index(1, 1, 3), lambda: deque([1, 2]).index(1, 1),
              lambda: [1].index(BadRepr()), lambda: deque([1]).index(BadRepr()),
              lambda: [1].index(), lambda: [1].index(1, 0, 1, 2),
              lambda: deque([1]).count(1), lambda: [1, 1].count(1)):
    try:
        print(probe())
    except Exception as ex:
        print(type(ex).__name__, ex)
