# Executor.map's shared timeout and early exit, as_completed, wait and shutdown.
from concurrent.futures import ThreadPoolExecutor, wait, as_completed, TimeoutError, FIRST_COMPLETED
import threading
ev = threading.Event()
with ThreadPoolExecutor(max_workers=2) as ex:
    print(list(ex.map(pow, [2, 3], [5, 2])))
    it = ex.map(lambda x: ev.wait(), [1, 2], timeout=0.05)
    try: next(it)
    except TimeoutError as e: print("timeout", type(e).__name__)
    ev.set()
    it2 = ex.map(lambda x: 1 / x, [1, 0, 2])
    print(next(it2))
    try: next(it2)
    except ZeroDivisionError as e: print("ZDE", e)
    f = ex.submit(pow, 2, 10)
    print(f.result(), f.done(), f.exception(), repr(f)[:10], repr(f).split(" ", 3)[-1])
    fs = [ex.submit(pow, 2, i) for i in range(4)]
    print(sorted(x.result() for x in as_completed(fs)))
    d = wait(fs); print(len(d.done), len(d.not_done), type(d).__name__)
    print(threading.current_thread().name)
ex2 = ThreadPoolExecutor(1)
g = ex2.submit(ev.wait); g.result()
print("ok")
ex2.shutdown()
try: ex2.submit(print)
except RuntimeError as e: print(e)
