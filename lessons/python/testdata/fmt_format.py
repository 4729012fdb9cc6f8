# str.format and format(): positional, named, indexed, attribute and spec.
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"))
print("{name} has {n} cats".format(name="Ann", n=3))
point = {"x": 1, "y": 2}
print("{p[x]},{p[y]}".format(p=point), "{0[1]}".format([9, 8]))
class P:
    x = 10
print("{0.x}".format(P()))
print("{:>8}|{:<8}|{:^8}|{:*^9}|{:08.3f}".format("r", "l", "c", "s", 3.14159))
print("{:,}".format(10 ** 9), "{:_x}".format(2 ** 32), "{:.3e}".format(123456))
print("{!r} {!s} {!a}".format("q", "q", "ü"))
print("{:{w}.{p}f}".format(2.71828, w=10, p=2))
print("{{}} {}".format("braces"))
print("{:%}".format(0.125), "{:.0%}".format(0.5), "{:b}".format(10), "{:o}".format(64))
print("{:=+8}".format(42), "{:=8}".format(-42), "{:08}".format(-42))
print("{:c}".format(9731) == "\u2603", "{:n}".format(1234))
print(format(0.1, ".17f"), format(1 / 3, ".5g"), format(123456789.0, ".3g"))
print(format(1e16, ""), format(1.0, ""), format(12.0, "g"), format(-0.0, "f"))
print(format(float("inf"), "f"), format(float("nan"), ".2f"), format(float("-inf"), "e"))
print("{:s}".format("ok"), "{:10}|".format("pad"), "{:<10}|".format(5), "{:>10}|".format("x"))
for bad in ["{", "}", "{0}{", "{:d}"]:
    try:
        print(bad.format("s"))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError:", e)
