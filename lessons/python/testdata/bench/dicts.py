# Building and reading dicts with int and str keys.
import time

def main():
    d = {}
    for i in range(100000):
        d[i] = i * 2
    names = {}
    for i in range(50000):
        key = "k" + str(i % 5000)
        names[key] = names.get(key, 0) + i
    total = 0
    for k in d:
        total += d[k]
    return total, len(names), names["k42"]

t0 = time.perf_counter()
result = main()
t1 = time.perf_counter()
print(result)
print("elapsed", t1 - t0)
