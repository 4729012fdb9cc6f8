# ThreadPoolExecutor: map, submit, as_completed, wait, exceptions, callbacks.
import concurrent.futures
from concurrent.futures import ThreadPoolExecutor, as_completed, wait
import threading

def square(x):
    return x * x

with ThreadPoolExecutor(max_workers=3) as ex:
    print(list(ex.map(square, range(10))))
    fs = [ex.submit(square, i) for i in range(5)]
    print(sorted(f.result() for f in as_completed(fs)))
    done, not_done = wait(fs)
    print(len(done), len(not_done))
    bad = ex.submit(lambda: 1 / 0)
    print(type(bad.exception()).__name__)
    try:
        bad.result()
    except ZeroDivisionError as e:
        print("raised", e)
    got = []
    f = ex.submit(square, 7)
    f.add_done_callback(lambda fut: got.append(fut.result()))
    f.result()
print(got, f.done(), f.cancelled())
print(isinstance(concurrent.futures.Future(), concurrent.futures.Future))
ex2 = ThreadPoolExecutor(1)
ex2.shutdown()
try:
    ex2.submit(square, 1)
except RuntimeError as e:
    print(e)
