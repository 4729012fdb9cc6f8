# range past int64: indexing, in, count, index, iteration, attributes,
# repr; len() past sys.maxsize is an OverflowError.
import sys
big = 10 ** 20
r = range(big)
print(r, r[-1], r[0], r[big // 2], r.start, r.stop, r.step)
print(big - 1 in r, big in r, -1 in r, 5 in r, r.count(7), r.index(big - 3))
s = range(-big, big, 3 * 10 ** 18)
print(s, len(s), list(s)[:3], s[-1], s.index(-big + 6 * 10 ** 18))
print(list(range(big, big + 3)), list(range(big + 3, big, -1)), len(range(big, big + 5)))
print(list(range(2 ** 63 - 2, 2 ** 63 + 1)), len(range(-2 ** 63, 2 ** 63 - 1, 2 ** 62)))
print(list(range(-2 ** 63, 2 ** 63 - 1, 2 ** 62)))
it = iter(range(big, big * 2))
print(next(it), next(it), sum(range(big, big + 4)))
print(len(range(sys.maxsize)))
for e in [lambda: len(r), lambda: len(range(-1, sys.maxsize)), lambda: r[big], lambda: r[-big - 1],
          lambda: r.index(big), lambda: range(0, big, 0)]:
    try:
        print(e())
    except (OverflowError, IndexError, ValueError) as x:
        print(type(x).__name__, x)
print(bool(r), bool(range(big, 0)), r == range(0, big), r == range(big + 1), r != range(0, big, 2))
print(range(0, 2 ** 63 - 1, 2 ** 63 - 1) == range(0, 2 ** 64, 2 ** 64), range(5) == range(big, big + 5))
print(r[2:5], r[::-1][:2], r[big - 2:], list(r[-3:]), r[1::big // 4], r[-big * 2:3], r[5:big * 3:-2])
print(list(reversed(range(big, big + 3))), list(reversed(range(big, big - 7, -3))), list(reversed(range(big, 0))))
print(list(reversed(range(10, 0, -3))), list(reversed(range(0))), list(reversed(range(2 ** 63 - 3, 2 ** 63 - 1))))
try:
    r[::0]
except ValueError as x:
    print("ValueError", x)
