# A for loop's variable that no code reads is still bound, turn by turn
# and after the loop, for locals() to see.

def seen_by_locals():
    out = []
    for i in range(3):
        out.append(sorted(locals()))
        out.append(locals()["i"])
    out.append(locals()["i"])
    return out

def seen_by_vars(n):
    total = 0
    for i in range(n, 0, -2):
        total += vars()["i"]
    return total, locals()["i"] * 10

def nested():
    rows = []
    for a in range(2):
        for b in range(3):
            pass
        rows.append(dict(sorted(locals().items())))
    return rows

def empty_loop():
    for i in range(0):
        pass
    return "i" in locals()

def big_numbers():
    for i in range(10 ** 6, 10 ** 6 + 3):
        pass
    return locals()["i"]

def gen(n):
    for i in range(n):
        yield sorted(locals().items())

def comprehension():
    return [0 for _ in range(4)], {1 for _ in range(2)}

def again_and_again():
    out = []
    for seq in (range(2), [10, 20], range(5, 7)):
        for v in seq:
            pass
        out.append(locals()["v"])
    return out

print(seen_by_locals())
print(seen_by_vars(7))
print(nested())
print(empty_loop())
print(big_numbers())
print(list(gen(3)))
print(comprehension())
print(again_and_again())
for _ in range(3):
    print(seen_by_vars(4))
print(sorted(vars()) == sorted(globals()))
try:
    vars(1, 2)
except TypeError as e:
    print(e)
