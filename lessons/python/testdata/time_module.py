# time: durations measured around work are positive and ordered.
import time
start = time.perf_counter()
total = sum(range(100000))
mid = time.perf_counter()
time.sleep(0.001)
end = time.perf_counter()
print(total, start <= mid <= end, end - start > 0)
t = time.time()
print(t > 1.6e9, isinstance(time.monotonic(), float))
ns = time.perf_counter_ns()
print(isinstance(ns, int), time.perf_counter_ns() >= ns)
