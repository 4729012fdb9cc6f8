# collections.deque: fast appends and pops at both ends.
from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d, list(d), 7 in d, d.count(7))
bounded = deque(maxlen=3)
for i in range(6):
    bounded.append(i)
    print(list(bounded))
print(bounded, bounded.maxlen)
d.remove(7)
d.reverse()
print(d, d.index(8))
d.clear()
print(d, bool(d))
q = deque()
q.append("job1"); q.append("job2")
while q:
    print("run", q.popleft())
try:
    q.pop()
except IndexError as e:
    print("IndexError:", e)
