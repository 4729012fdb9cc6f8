# List methods used in practice: stacks, queues, copies, and slicing tricks.
stack = []
for x in "abc":
    stack.append(x)
print(stack.pop(), stack.pop(), stack)
queue = [1, 2, 3]
queue.append(4)
print(queue.pop(0), queue)
a = [1, [2, 3]]
shallow = a.copy()
shallow[1].append(4)
shallow[0] = 99
print(a, shallow)
b = list(range(10))
print(b[::2], b[1::2], b[::-1][:3], b[-3:][::-1])
b[1:9:2] = [0] * 4
print(b)
c = [3, 1, 2]
print(sorted(c), c, c.sort(), c)
print([0] * 0, [[]] * 3, [None] * 2)
nested = [[1, 2], [3, [4, 5]]]
print(nested[1][1][0], len(nested), sum(len(x) if isinstance(x, list) else 1 for x in nested))
rot = [1, 2, 3, 4, 5]
k = 2
print(rot[k:] + rot[:k], rot[-k:] + rot[:-k])
print(list(map(list, zip(*[[1, 2, 3], [4, 5, 6]]))))
print([x for x in range(20) if x % 2 == 0][2:5], list(reversed(range(5)))[1:])
print([1, 2, 3].index(2), [1, 2, 1].count(1), [5, 4] + [], [] + [])
e = [1, 2, 3, 4]
e.insert(100, "end")
e.insert(-100, "start")
e.insert(2, "mid")
print(e)
