# The walrus operator := assigns inside an expression.
data = [1, 5, 12, 7, 20, 3]
if (n := len(data)) > 5:
    print(f"list is long ({n} elements)")

big = [y for x in data if (y := x * 2) > 10]
print(big)

values = iter([3, 2, 1, 0, 9])
while (v := next(values)) != 0:
    print("got", v)

print(y)  # the comprehension's walrus binds in the enclosing scope
def f():
    if (m := 10) > 5:
        return m * 2
print(f())
print((z := 5) + z)
total = 0
print([total := total + i for i in range(5)], total)
