# if / elif / else picks the first branch whose test is true.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

for n in [-5, 0, 3, 42]:
    print(n, classify(n))

# Truthiness: empty containers, 0, 0.0, "", None and False are false.
for v in [0, 1, 0.0, 2.5, "", "a", [], [0], {}, {"k": 1}, None, (), set(), True, False]:
    if v:
        print(repr(v), "is truthy")
    else:
        print(repr(v), "is falsy")

# and / or return one of their operands.
print(0 or "default", "" or [] or "last")
print(1 and "second", 0 and "never")
print(not 0, not "x")
x = None
print(x is None, x is not None)
if not x:
    print("x is falsy")
