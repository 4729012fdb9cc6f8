# Chained comparisons: a < b < c means a < b and b < c, with b evaluated once.
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6)
print(1 == 1 == 1, 1 == 1 != 2, 3 > 2 > 1 > 0)
print("a" < "b" < "c", [1] < [1, 0] < [2])

def noisy(v):
    print("evaluating", v)
    return v

print(noisy(1) < noisy(2) < noisy(3))
print(noisy(3) < noisy(2) < noisy(1))

print(1 in [1, 2] in [[1, 2]])
n = None
print(n is not None is not False, n is None is not False)
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) > (1, 99))
print(1 == 1.0, True == 1, False < True)
print("abc" == "abc", "abc" != "abd", "Z" < "a")
print(None == None, None != 0, [] == [], {} == {}, set() == set())
print({1: 2} == {1: 2}, {1, 2} == {2, 1}, (1,) == [1])
print(3 < 3.5 < 4, -1 < -0.5, 10 > 9.99)
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError:", e)
try:
    print([1] < (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print({} < {})
except TypeError as e:
    print("TypeError:", e)
