# Building lists by append, indexing, slicing and sorting them.
import time

def main():
    xs = []
    for i in range(200000):
        xs.append((i * 7919) % 100003)
    total = 0
    for i in range(0, len(xs), 3):
        total += xs[i]
    ys = sorted(xs[:50000])
    xs.reverse()
    return total, ys[100], xs[:3], len(xs)

t0 = time.perf_counter()
result = main()
t1 = time.perf_counter()
print(result)
print("elapsed", t1 - t0)
