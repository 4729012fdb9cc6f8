# for iterates over any iterable; else runs if no break happened.
for ch in "abc":
    print(ch, end=" ")
print()

for i in range(2, 20):
    for d in range(2, i):
        if i % d == 0:
            break
    else:
        print(i, "is prime")

for i, word in enumerate(["zero", "one", "two"]):
    print(i, word)

for k, v in {"a": 1, "b": 2}.items():
    print(k, "->", v)

for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a + b + c)

for x in []:
    print("never")
else:
    print("empty loop ran its else")

total = 0
for n in range(100):
    if n % 3:
        continue
    if n > 30:
        break
    total += n
print("total", total)
for i in range(3):
    pass
print("i after loop:", i)
