# tuple: an immutable sequence; a one-element tuple needs a comma.
t = (1, 2, 3)
single = (5,)
empty = ()
print(t, single, empty, type(single).__name__, (5), len(t))
print(t + (4,), t * 2, t[1], t[-1], t[::2], 2 in t)
print(t.index(3), (1, 1, 2).count(1), tuple("abc"), tuple([1, 2]))
a, b, c = t
print(a, b, c)
nested = ((1, 2), (3, 4))
print(nested[1][0], [x for pair in nested for x in pair])
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1,) + (), max((3, 1, 2)))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "point"}[(1, 2)])
point = 3, 4
print(point, type(point).__name__)
print(tuple(range(3)), sorted((3, 1, 2)), repr((None,)))
print(divmod(9, 4) == (2, 1))
try:
    t[0] = 10
except TypeError as e:
    print("TypeError:", e)
try:
    hash(([1],))
except TypeError as e:
    print("TypeError:", e)
try:
    (1, 2).append(3)
except AttributeError as e:
    print("AttributeError:", e)
