# range: a lazy arithmetic sequence.
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[2:4], 5 in r, 6 in r)
print(list(range(5)), list(range(5, 0, -1)), list(range(0)), list(range(3, 1)))
print(range(10).index(4), range(0, 10, 2).count(4), r.start, r.stop, r.step)
print(range(3) == range(0, 3), range(0) == range(5, 2), repr(range(0, 4, 2)))
print(sum(range(101)), max(range(7)), list(reversed(range(4))))
print(range(0, 10 ** 20, 7)[-1], range(10 ** 20)[-1])
try:
    len(range(10 ** 20))
except OverflowError as e:
    print("OverflowError:", e)
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(3)[3]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
