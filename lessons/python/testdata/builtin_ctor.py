# Constructors: str, int, float, bool, list, tuple, dict, set.
print(str(), int(), float(), bool(), list(), tuple(), dict(), set())
print(str(42), str(4.5), str([1, 2]), str(b"x"), str("s"))
print(int("12"), int(12.9), int("-0"), int("  +5 "), int("1010", 2), int("777", 8))
print(float("3.5"), float(2), float("-inf"), float("  1e-3 "))
print(bool([]), bool([0]), bool("False"))
print(list("abc"), list(range(3)), list({1: "a", 2: "b"}), list((1, 2)))
print(tuple([1, 2]), tuple("hi"), tuple({3: 0}))
print(dict(a=1), dict([(1, 2)]), dict({"x": 1}, y=2))
print(sorted(set([3, 1, 3])), set(range(3)), frozenset("aa"))
print(int(float("1e10")), str(int("007")), float(int("3")))
print(list(map(int, "1 2 3".split())), [float(x) for x in ["1", "2.5"]])
for bad in ["3.5", "", " "]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
try:
    float([1])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    list(5)
except TypeError as e:
    print("TypeError:", e)
try:
    int("5", 1)
except ValueError as e:
    print("ValueError:", e)
