# Nested loops over ranges with integer arithmetic.
import time

def main():
    total = 0
    for i in range(1200):
        for j in range(1200):
            total += (i * j) % 7
    return total

t0 = time.perf_counter()
result = main()
t1 = time.perf_counter()
print(result)
print("elapsed", t1 - t0)
