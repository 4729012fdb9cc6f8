# Method calls on instances.
import time

class Counter:
    def __init__(self):
        self.n = 0
    def inc(self):
        self.n += 1
    def add(self, k):
        self.n += k
        return self
    def get(self):
        return self.n

def main():
    c = Counter()
    for i in range(150000):
        c.inc()
        c.add(2).inc()
        c.get()
    return c.get()

t0 = time.perf_counter()
result = main()
t1 = time.perf_counter()
print(result)
print("elapsed", t1 - t0)
