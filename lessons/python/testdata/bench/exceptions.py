# Exceptions raised and caught in a loop, with try/finally.
import time

class Invalid(Exception):
    pass

def check(i):
    if i % 3 == 0:
        raise Invalid(i)
    return i

def main():
    caught = 0
    cleaned = 0
    for i in range(250000):
        try:
            check(i)
        except Invalid:
            caught += 1
        finally:
            cleaned += 1
        try:
            {}[i]
        except KeyError:
            caught += 1
    return caught, cleaned

t0 = time.perf_counter()
result = main()
t1 = time.perf_counter()
print(result)
print("elapsed", t1 - t0)
