# List, dict and set comprehensions and a generator expression.
import time

def main():
    total = 0
    for r in range(80):
        squares = [x * x for x in range(5000)]
        evens = {x: x // 2 for x in squares if x % 2 == 0}
        mods = {x % 97 for x in squares}
        total += sum(v for v in evens.values()) + len(mods)
    return total

t0 = time.perf_counter()
result = main()
t1 = time.perf_counter()
print(result)
print("elapsed", t1 - t0)
