# Attribute reads and writes on instances and classes.
import time

class Point:
    scale = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y

def main():
    p = Point(1, 2)
    q = Point(3, 4)
    acc = 0
    for i in range(600000):
        p.x = q.y + i
        q.y = p.x - i
        acc += p.x * Point.scale + q.y
        p.y = acc % 1000
    return acc, p.x, p.y, q.y

t0 = time.perf_counter()
result = main()
t1 = time.perf_counter()
print(result)
print("elapsed", t1 - t0)
