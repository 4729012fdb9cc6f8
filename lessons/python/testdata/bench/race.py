# The tutorial's race loop, in one thread: a global read, changed and written back.
import time

balance = 0

def worker(amount):
    global balance
    for i in range(1000000):
        balance = balance + amount
        balance = balance - amount

def main():
    worker(5)
    worker(8)
    return balance

t0 = time.perf_counter()
result = main()
t1 = time.perf_counter()
print(result)
print("elapsed", t1 - t0)
