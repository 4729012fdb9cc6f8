# Arithmetic built-ins: sum, min, max, abs, round, divmod, pow, any, all.
nums = [4, -2, 7, 0, 3]
print(sum(nums), sum(nums, 100), sum([0.1] * 10), sum([[1], [2]], []))
print(min(nums), max(nums), min(3, 1, 2), max("apple", "fig", key=len))
print(min([], default="empty"), max([(1, "b"), (1, "a")]), min(nums, key=abs))
print(abs(-3), abs(-3.5), abs(True))
print(round(3.14159, 2), round(2.5), round(-0.5), round(15, -1), round(25, -1), round(1.25, 1))
print(divmod(20, 6), divmod(-20, 6), divmod(20.5, 6))
print(pow(2, 10), pow(2, -2), pow(5, 3, 7), pow(2.5, 2))
print(any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([]), any([]))
print(any(x > 3 for x in nums), all(x > -5 for x in nums))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
try:
    max()
except TypeError as e:
    print("TypeError:", e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
