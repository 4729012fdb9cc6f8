# multiprocessing's Condition, Barrier, Semaphore and Event in one
# process: their reprs, timeouts and the errors CPython's raise.
import multiprocessing as mp
import threading

c = mp.Condition()
print(repr(c))
print(repr(mp.Condition(mp.Lock())))
for f in (c.wait, c.notify, c.notify_all):
    try:
        f()
    except AssertionError as e:
        print(type(e).__name__, e)
with c:
    print(c.wait(0.01), c.wait_for(lambda: 5, 1), repr(c))

b = mp.Barrier(2, timeout=0.05)
print(repr(b).endswith("waiters=0/2>"), b.parties, b.n_waiting, b.broken)
try:
    b.wait()
except threading.BrokenBarrierError as e:
    print(type(e).__name__, repr(e), b.broken, repr(b).endswith(": broken>"))
b.reset()
print(b.broken)
b.abort()
try:
    b.wait()
except threading.BrokenBarrierError as e:
    print(type(e).__name__, repr(e))
print(mp.Barrier(1, action=lambda: print("action")).wait())

s = mp.Semaphore(0)
print(s.acquire(timeout=0.01), s.acquire(False), repr(s))
s.release()
with s:
    print(repr(s))
e = mp.Event()
print(e.wait(0.01), e.is_set())
e.set()
print(e.wait(), e.wait(0))
e.clear()
print(e.is_set())
try:
    mp.Semaphore(-1)
except OSError as x:
    print(type(x).__name__, x)
bs = mp.BoundedSemaphore(1)
try:
    bs.release()
except ValueError as x:
    print(type(x).__name__, x, repr(bs))
