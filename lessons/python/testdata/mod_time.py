# time: clocks move forward; we print only facts that do not depend on the moment.
import time
t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.01)
print(time.time() >= t0, time.perf_counter() > p0, time.monotonic() >= m0)
print(type(time.time()).__name__, type(time.perf_counter()).__name__)
print(time.perf_counter() - p0 >= 0.009)
print(isinstance(time.time_ns(), int), time.time_ns() > 0)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
