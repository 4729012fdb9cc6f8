# Generators and yield from feeding sum and zip.
import time

def numbers(n):
    for i in range(n):
        yield i

def pairs(n):
    yield from zip(numbers(n), numbers(n))

def main():
    total = 0
    for a, b in pairs(100000):
        total += a - b + 1
    return total + sum(x for x in numbers(100000) if x % 3)

t0 = time.perf_counter()
result = main()
t1 = time.perf_counter()
print(result)
print("elapsed", t1 - t0)
