# while repeats while its test is true; else runs when the loop ends without break.
n = 5
while n > 0:
    print("n =", n)
    n -= 1
else:
    print("loop finished, n =", n)

def find(items, target):
    i = 0
    while i < len(items):
        if items[i] == target:
            print("found", target, "at", i)
            break
        i += 1
    else:
        print(target, "not found")

find([3, 1, 4, 1, 5], 4)
find([3, 1, 4, 1, 5], 9)

# continue skips to the next test.
i = 0
odds = []
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    odds.append(i)
print(odds)

# Collatz steps.
x, steps = 27, 0
while x != 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print("collatz(27) steps:", steps)
while True:
    steps -= 100
    if steps < 0:
        break
print(steps)
