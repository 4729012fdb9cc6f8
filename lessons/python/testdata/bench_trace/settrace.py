# A trace function (sys.settrace) that counts what it hears, around calls,
# loops and a generator: what a line-by-line debugger or coverage tool costs.
import sys
import time

heard = {}


def listen(frame, event, arg):
    heard[event] = heard.get(event, 0) + 1
    return listen


def step(x):
    if x % 3 == 0:
        return x // 3
    return x * 2 + 1


def evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i


def work(n):
    total = 0
    for i in range(n):
        total += step(i)
    return total + sum(evens(n))


def main():
    sys.settrace(listen)
    result = work(20000)
    sys.settrace(None)
    return result, sorted(heard.items())


t0 = time.perf_counter()
result = main()
t1 = time.perf_counter()
print(result)
print("elapsed", t1 - t0)
