# Barrier reset, abort, timeout and a failing action; Condition, Semaphore,
# Event and Timer edge cases; Thread reprs and the errors of a missing __init__.
import threading, time
b = threading.Barrier(3, timeout=5)
res = []
def party():
    try:
        res.append(b.wait())
    except threading.BrokenBarrierError:
        res.append("broken")
ts = [threading.Thread(target=party) for _ in range(2)]
for t in ts: t.start()
while b.n_waiting < 2: time.sleep(0.001)
print(repr(b)[-12:], b.n_waiting, b.broken)
b.reset()
for t in ts: t.join()
print(sorted(map(str, res)), b.broken, b.n_waiting)
b.abort(); print(b.broken, repr(b).endswith("broken>"))
try: b.wait()
except threading.BrokenBarrierError as e: print("BBE", repr(e))
b.reset(); print(b.broken)
def bad(): raise KeyError("act")
b2 = threading.Barrier(1, action=bad)
try: b2.wait()
except KeyError as e: print("KeyError", e, b2.broken)
b3 = threading.Barrier(2)
try: b3.wait(0.05)
except threading.BrokenBarrierError: print("timeout broke", b3.broken)
e = threading.Event()
print(e.wait(0), e.wait(-1), e.wait(0.01))
c = threading.Condition(threading.Lock())
for f in (c.wait, c.notify, c.notify_all):
    try: f()
    except RuntimeError as x: print(x)
with c:
    print(c.wait(0), c.wait_for(lambda: 0, 0.01), c.wait_for(lambda: 5))
r = threading.RLock()
c2 = threading.Condition(r)
with r, r:
    print(c2.wait(0.01), r._is_owned() if hasattr(r, "_is_owned") else "-")
s = threading.Semaphore(0)
print(s.acquire(False), s.acquire(timeout=0.01), repr(s)[-9:])
try: s.acquire(False, 1)
except ValueError as x: print(x)
bs = threading.BoundedSemaphore(1)
try: bs.release()
except ValueError as x: print(x, repr(bs)[-11:])
t = threading.Timer(0.01, print, ["fired"]); t.start(); t.join()
t = threading.Timer(10, print, ["no"]); t.start(); t.cancel(); t.join(); print(t.finished.is_set())
th = threading.Thread(target=print, args=("x",)); print(repr(th)); th.start(); th.join(); print(repr(th)[:20])
print(repr(threading.current_thread())[:22], threading.Thread(target=len).name.split(" ")[1])
class T(threading.Thread):
    def __init__(self): pass
try: T().start()
except RuntimeError as x: print(x)
